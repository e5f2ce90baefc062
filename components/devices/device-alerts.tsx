import { AcknowledgeAlertButton } from '@/components/actions/acknowledge';
import { ResolveAlertButton } from '@/components/actions/resolve-alerts';
import { AlertItem } from '@/components/alerts/alert-item';
import { Card } from '@/components/ui/card';
import type { AlertRow } from '@/lib/domain/fleet';
import Link from 'next/link';

export function DeviceAlerts({ deviceId, alerts }: { deviceId: string; alerts: AlertRow[] }) {
  const active = alerts.filter((alert) => !alert.resolved);
  const resolved = alerts.filter((alert) => alert.resolved);
  return (
    <Card
      id="device-alerts"
      title={`Alerts (${active.length} active)`}
      testId="device-alerts"
      actions={
        <Link
          href={`/alerts?status=all&device=${encodeURIComponent(deviceId)}`}
          className="text-sm text-accent hover:underline"
        >
          Open in Alerts
        </Link>
      }
    >
      {alerts.length === 0 ? (
        <p className="text-sm text-muted">No active alerts, and none resolved in the last 24 hours.</p>
      ) : (
        <ul>
          {[...active, ...resolved].map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              showDevice={false}
              action={
                <>
                  <AcknowledgeAlertButton alert={alert} />
                  <ResolveAlertButton alert={alert} />
                </>
              }
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
