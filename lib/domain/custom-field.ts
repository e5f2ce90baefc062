export interface CustomField {
  id: string;
  name: string;
  /** The name used in scripts, observed as `cf_<name>`. */
  reference: string | null;
  adminOnly: boolean;
}

export interface CustomFieldValue {
  customFieldId: string;
  customFieldName: string | null;
  /** Device or group id; null for the organisation-wide value. */
  assignedToId: string | null;
  value: string | null;
}
