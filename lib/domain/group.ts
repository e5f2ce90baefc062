export interface Group {
  id: string;
  /** Null for a top-level group (how MSPs model their clients). */
  parentId: string | null;
  childIds: string[];
  name: string;
  /** Devices directly in this group. */
  deviceCount: number | null;
  /** Devices in the whole subtree (Level's spelling; whether it includes deviceCount is unclear). */
  descendentDeviceCount: number | null;
}
