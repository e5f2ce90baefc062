// `/v2/activities` is mentioned by a single source with no known fields, so entries are kept raw.

export interface Activity {
  id: string | null;
  fields: Record<string, unknown>;
}

export type ActivitiesResult = { available: false } | { available: true; items: Activity[] };
