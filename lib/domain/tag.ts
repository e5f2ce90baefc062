export interface Tag {
  id: string;
  /** May contain emoji. */
  name: string;
  deviceCount: number | null;
}
