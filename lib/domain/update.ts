// An OS update (patch) known for one device.
export interface Update {
  id: string;
  deviceId: string;
  deviceHostname: string | null;
  name: string | null;
  category: string | null;
  /** True while pending on the device, false once installed, null when Level did not say. */
  available: boolean | null;
  installedAt: string | null;
  version: string | null;
  size: number | null;
  kbIds: string[];
  error: string | null;
  publishedAt: string | null;
}
