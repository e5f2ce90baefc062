import { Card } from '@/components/ui/card';
import { Facts } from '@/components/ui/facts';
import type { DeviceDetail } from '@/lib/domain/level';

export function DeviceNetwork({ detail }: { detail: DeviceDetail }) {
  const interfaces = detail.networkInterfaces ?? [];
  return (
    <Card id="network" title="Network" testId="device-network">
      <Facts
        items={[
          ['Public IP', detail.publicIpAddress],
          ['Private IPs', detail.privateIpAddresses.join(', ')],
          ['Location', [detail.city, detail.country].filter(Boolean).join(', ')],
        ]}
      />
      {interfaces.length ? (
        <ul className="mt-4 divide-y divide-line/60" aria-label="Network interfaces">
          {interfaces.map((nic, index) => (
            <li
              key={`${nic.macAddress ?? ''}-${index}`}
              className="py-2 text-sm"
              data-testid="network-interface"
            >
              <p className="font-medium">
                {nic.label ?? nic.interface ?? nic.description ?? `Interface ${index + 1}`}
              </p>
              {nic.description && nic.description !== nic.label ? (
                <p className="text-xs text-muted">{nic.description}</p>
              ) : null}
              <Facts
                className="mt-1 text-xs"
                items={[
                  ['MAC', nic.macAddress],
                  ['Addresses', nic.ipAddresses.join(', ')],
                  ['Gateway', nic.gateway],
                  ['DNS', nic.dnsServers.join(', ')],
                  ['DHCP server', nic.dhcpServer],
                  ['Domain', nic.domain],
                ]}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
