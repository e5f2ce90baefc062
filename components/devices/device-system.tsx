import { Card } from '@/components/ui/card';
import { Facts } from '@/components/ui/facts';
import type { DeviceDetail } from '@/lib/domain/level';
import { formatAbsolute, formatBytes, formatRelative, yesNo } from '@/lib/format';

export function DeviceOs({ detail }: { detail: DeviceDetail }) {
  const os = detail.operatingSystem;
  const version = [os?.majorVersion, os?.minorVersion].filter(Boolean).join('.');
  return (
    <Card id="os" title="Operating system" testId="device-os">
      <Facts
        items={[
          ['Name', os?.fullName],
          ['Version', version],
          ['Architecture', os?.architecture ?? detail.architecture],
          ['Installed', os?.installedAt ? formatAbsolute(os.installedAt) : null],
          [
            'End of life',
            os?.endOfLife ? (
              <span className="font-medium text-critical">Yes — no more updates</span>
            ) : (
              yesNo(os?.endOfLife)
            ),
          ],
          [
            'Last reboot',
            detail.lastRebootAt
              ? `${formatRelative(detail.lastRebootAt)} (${formatAbsolute(detail.lastRebootAt)})`
              : null,
          ],
          ['Last user', detail.lastLoggedInUser],
        ]}
      />
    </Card>
  );
}

export function DeviceHardware({ detail }: { detail: DeviceDetail }) {
  const moduleBytes = detail.memory?.reduce((sum, module) => sum + (module.sizeBytes ?? 0), 0) ?? 0;
  const memory = detail.totalMemoryBytes ?? (moduleBytes || null);
  const board = detail.motherboard;
  return (
    <Card id="hardware" title="Hardware" testId="device-hardware">
      <Facts
        items={[
          ['Model', [detail.manufacturer, detail.model].filter(Boolean).join(' ')],
          ['Serial number', detail.serialNumber],
          [
            'CPU',
            detail.cpus?.length ? (
              <ul>
                {detail.cpus.map((cpu, index) => (
                  <li key={index}>
                    {cpu.model ?? 'Unknown CPU'}
                    <span className="text-muted">
                      {cpu.cores ? ` · ${cpu.cores} cores` : ''}
                      {cpu.clockSpeed ? ` · ${(cpu.clockSpeed / 1000).toFixed(2)} GHz` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ) : detail.cpuCores ? (
              `${detail.cpuCores} cores`
            ) : null,
          ],
          [
            'Memory',
            memory ? (
              <>
                {formatBytes(memory)}
                {detail.memory?.length ? (
                  <span className="text-muted">
                    {' '}
                    in {detail.memory.length} module{detail.memory.length === 1 ? '' : 's'}
                    {detail.memorySlots && detail.memorySlots >= detail.memory.length
                      ? ` (${detail.memorySlots} slots)`
                      : ''}
                  </span>
                ) : null}
              </>
            ) : null,
          ],
          ['Motherboard', [board?.manufacturer, board?.model].filter(Boolean).join(' ')],
          ['BIOS', board?.biosVersion],
        ]}
      />
      {detail.memory?.length ? (
        <ul className="mt-3 space-y-0.5 text-xs text-muted" aria-label="Memory modules">
          {detail.memory.map((module, index) => (
            <li key={index}>
              {module.location ?? `Slot ${index + 1}`}: {formatBytes(module.sizeBytes)}{' '}
              {[
                module.memoryType,
                module.formFactor,
                module.clockSpeed ? `${module.clockSpeed} MHz` : null,
                module.manufacturer,
              ]
                .filter(Boolean)
                .join(' · ')}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
