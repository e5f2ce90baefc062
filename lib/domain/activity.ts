/**
 * An entry of Level's activity log (`GET /v2/activities`). One unverified source names the route
 * and nothing else, so only the id is relied on; everything else is kept as Level sent it.
 */
export interface Activity {
  id: string;
  /** The item as Level sent it (no field of it is documented). */
  fields: Readonly<Record<string, unknown>>;
}
