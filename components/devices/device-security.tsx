import { Card } from '@/components/ui/card';
import { Facts } from '@/components/ui/facts';
import { antivirusState } from '@/lib/domain/antivirus';
import type { DeviceDetail } from '@/lib/domain/level';
import clsx from 'clsx';
import { Shield, ShieldAlert, ShieldCheck } from 'lucide-react';
import type { ReactNode } from 'react';

/** Green shield for good, red for bad, a neutral one for a value Levelboard cannot read. */
function Flag({
  ok,
  neutral = false,
  testId,
  children,
}: {
  ok: boolean | null | undefined;
  neutral?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  if ((ok === null || ok === undefined) && !neutral) return <>{children}</>;
  const state = ok === true ? 'good' : ok === false ? 'bad' : 'unknown';
  const Icon = state === 'good' ? ShieldCheck : state === 'bad' ? ShieldAlert : Shield;
  return (
    <span className="inline-flex items-center gap-1" data-state={state} data-testid={testId}>
      <Icon
        className={clsx(
          'size-4 shrink-0',
          state === 'good' ? 'text-online' : state === 'bad' ? 'text-critical' : 'text-muted',
        )}
        aria-hidden
      />
      {children}
    </span>
  );
}

// Level sends patch compliance as a boolean or a percentage, depending on the source.
function patchText(value: number | boolean | null | undefined): ReactNode {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return <Flag ok={value}>{value ? 'Compliant' : 'Not compliant'}</Flag>;
  return <Flag ok={value >= 90}>{`${Math.round(value)} % compliant`}</Flag>;
}

export function DeviceSecurity({ detail }: { detail: DeviceDetail }) {
  const security = detail.security;
  const score = security?.score ?? detail.securityScore;
  const antivirus = antivirusState(security?.antivirusStatus);
  const antivirusOk = antivirus === 'unknown' ? null : antivirus === 'good';
  return (
    <Card id="security" title="Security" testId="device-security">
      <div className="mb-3 flex items-baseline gap-2">
        {score === null ? (
          <span className="text-sm text-muted" data-testid="security-score">
            Level has no security score for this device
          </span>
        ) : (
          <>
            <span className="text-3xl font-semibold tabular-nums" data-testid="security-score">
              {score}
            </span>
            <span className="text-sm text-muted">/ 100 security score</span>
          </>
        )}
        {security?.risk ? (
          <span className="ml-auto rounded-full bg-sunken px-2 py-0.5 text-xs">{security.risk} risk</span>
        ) : null}
      </div>
      <Facts
        items={[
          [
            'Antivirus',
            security?.antivirusProvider || security?.antivirusStatus ? (
              <Flag ok={antivirusOk} neutral testId="antivirus">
                {[security?.antivirusProvider, security?.antivirusStatus].filter(Boolean).join(' — ')}
              </Flag>
            ) : null,
          ],
          [
            'Firewall',
            security?.firewallProvider || security?.firewallEnabled !== null ? (
              <Flag ok={security?.firewallEnabled}>
                {[
                  security?.firewallProvider,
                  security?.firewallEnabled === null || security?.firewallEnabled === undefined
                    ? null
                    : security.firewallEnabled
                      ? 'on'
                      : 'off',
                ]
                  .filter(Boolean)
                  .join(' — ')}
              </Flag>
            ) : null,
          ],
          [
            'Encryption',
            security?.primaryPartitionEncrypted === null ||
            security?.primaryPartitionEncrypted === undefined ? null : (
              <Flag ok={security.primaryPartitionEncrypted}>
                {security.primaryPartitionEncrypted ? 'System disk encrypted' : 'System disk not encrypted'}
              </Flag>
            ),
          ],
          ['Patches', patchText(security?.patchCompliance)],
          ['Patch risk', security?.patchSecurityRisk],
          [
            'OS support',
            security?.osEndOfLife === null || security?.osEndOfLife === undefined ? null : (
              <Flag ok={!security.osEndOfLife}>{security.osEndOfLife ? 'End of life' : 'Supported'}</Flag>
            ),
          ],
        ]}
      />
    </Card>
  );
}
