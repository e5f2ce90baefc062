import { hardwareProfile } from '@/simulator/catalog-hardware';
import { SALT, sectionRng } from '@/simulator/device-os';
import type { DeviceRecord, JsonObject } from '@/simulator/types';

export function network(device: DeviceRecord): JsonObject[] {
  const profile = hardwareProfile(device.hardware);
  const rng = sectionRng(device, SALT.network);
  const wifi = profile.laptop && rng.chance(0.8);
  const [a, b, c] = device.privateIp.split('.');
  const gateway = `${a}.${b}.${c}.1`;
  const mac = Array.from({ length: 6 }, () => rng.hex(2))
    .join(':')
    .toUpperCase();
  const name =
    profile.platform === 'Windows'
      ? wifi
        ? 'Wi-Fi'
        : 'Ethernet'
      : profile.platform === 'Mac'
        ? 'en0'
        : profile.use === 'server'
          ? 'ens18'
          : wifi
            ? 'wlp0s20f3'
            : 'enp0s31f6';
  const domain =
    profile.platform === 'Windows' && device.user?.includes('\\')
      ? `${device.user.split('\\')[0]?.toLowerCase()}.local`
      : null;
  return [
    {
      description: wifi
        ? 'Intel(R) Wi-Fi 6E AX211 160MHz'
        : profile.use === 'server'
          ? 'vmxnet3 Ethernet Adapter'
          : 'Intel(R) Ethernet Connection (17) I219-LM',
      interface: name,
      label: name,
      mac_address: mac,
      ip_addresses: [device.privateIp, `fe80::${rng.hex(4)}:${rng.hex(4)}:${rng.hex(4)}:${rng.hex(4)}`],
      gateway,
      domain,
      dhcp_server: profile.use === 'server' ? null : gateway,
      // [X] in the reference (string vs array); the spec-derived models say string.
      dns_servers: domain ? `${a}.${b}.${c}.10, 1.1.1.1` : gateway,
    },
  ];
}
