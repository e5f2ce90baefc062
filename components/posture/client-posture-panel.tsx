'use client';

import { ChartPostureTrend } from '@/components/charts/lazy';
import { patchCount, securityProblems } from '@/components/posture/device-problems';
import { PostureLines } from '@/components/posture/posture-lines';
import { Card } from '@/components/ui/card';
import { QueryView } from '@/components/ui/query-view';
import { SkeletonLines } from '@/components/ui/skeleton';
import { yesNo } from '@/lib/format';
import { clientPostureQuery } from '@/lib/query/posture';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';

const PATCH_WORD = { failed: 'Failed', pending: 'Pending', ok: 'Up to date', unknown: 'Unknown' } as const;

/** A client's patch and security posture: now, per day, and its devices with problems first. */
export function ClientPosturePanel({ clientId }: { clientId: string }) {
  const posture = useQuery(clientPostureQuery(clientId));
  return (
    <Card id="posture" title="Patch and security posture" testId="client-posture">
      <QueryView query={posture} skeleton={<SkeletonLines lines={6} label="Loading posture" />}>
        {(data) => (
          <div className="space-y-4">
            <PostureLines figures={data.figures} className="text-sm" />
            {data.trend.length > 0 ? (
              <ChartPostureTrend points={data.trend} />
            ) : (
              <p className="text-sm text-muted">No daily posture recorded for this client yet.</p>
            )}
            {data.devices.length > 0 ? (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="posture-devices">
                  <caption className="sr-only">Devices, those with problems first</caption>
                  <thead className="text-xs text-muted">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Device
                      </th>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Patches
                      </th>
                      <th scope="col" className="hidden py-1 pr-3 text-right font-medium sm:table-cell">
                        Pending
                      </th>
                      <th scope="col" className="hidden py-1 pr-3 text-right font-medium sm:table-cell">
                        Failed
                      </th>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Security
                      </th>
                      <th scope="col" className="hidden py-1 font-medium sm:table-cell">
                        Encrypted
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.devices.slice(0, 15).map((row) => (
                      <tr key={row.id} className="border-t border-line">
                        <td className="max-w-48 truncate py-1 pr-3">
                          <Link
                            href={`/devices/${encodeURIComponent(row.id)}`}
                            className="text-accent hover:underline"
                          >
                            {row.name}
                          </Link>
                        </td>
                        <td className="py-1 pr-3">
                          {PATCH_WORD[row.patch]}
                          {/* On a phone the count columns are hidden: the count follows the word. */}
                          <span className="tabular-nums sm:hidden">
                            {patchCount(row) ? ` (${patchCount(row)})` : ''}
                          </span>
                        </td>
                        <td className="hidden py-1 pr-3 text-right tabular-nums sm:table-cell">
                          {row.pendingUpdates ?? '—'}
                        </td>
                        <td className="hidden py-1 pr-3 text-right tabular-nums sm:table-cell">
                          {row.failedUpdates ?? '—'}
                        </td>
                        <td className="py-1 pr-3">{securityProblems(row, 'long').join(', ') || '—'}</td>
                        <td className="hidden py-1 sm:table-cell">{yesNo(row.encrypted)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </div>
        )}
      </QueryView>
    </Card>
  );
}
