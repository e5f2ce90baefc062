'use client';

import { ChartPostureTrend } from '@/components/charts/lazy';
import { PostureClientGrid } from '@/components/posture/posture-client-grid';
import { PostureLines } from '@/components/posture/posture-lines';
import { Card } from '@/components/ui/card';
import { QueryView } from '@/components/ui/query-view';
import { SkeletonLines } from '@/components/ui/skeleton';
import { postureSummaryQuery } from '@/lib/query/posture';
import { useQuery } from '@tanstack/react-query';

/** The overview's posture: the fleet's two lines, its daily trend, then one tile per client. */
export function PostureOverview() {
  const posture = useQuery(postureSummaryQuery());
  return (
    <Card id="posture" title="Patch and security" testId="posture-card">
      <QueryView query={posture} skeleton={<SkeletonLines lines={6} label="Loading posture" />}>
        {(data) => (
          <div className="space-y-4">
            <div className="grid gap-4 lg:grid-cols-3">
              <div className="space-y-2">
                <p className="text-sm font-medium">Whole fleet</p>
                <PostureLines figures={data.figures} className="text-sm" />
              </div>
              <div className="lg:col-span-2">
                {data.trend.length > 1 ? (
                  <ChartPostureTrend points={data.trend} height={200} />
                ) : (
                  <p className="text-sm text-muted">The daily trend appears after a second day of samples.</p>
                )}
              </div>
            </div>
            <PostureClientGrid summary={data} />
          </div>
        )}
      </QueryView>
    </Card>
  );
}
