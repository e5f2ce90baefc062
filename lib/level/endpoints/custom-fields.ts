import type { CustomField, CustomFieldValue } from '@/lib/domain/custom-field';
import { definedOnly, mapPages, type LevelTransport, type ListOptions } from '@/lib/level/endpoints/shared';
import { toCustomField, toCustomFieldValue } from '@/lib/level/mappers/resources';
import { collect } from '@/lib/level/pagination';
import { levelCustomFieldSchema, levelCustomFieldValueSchema } from '@/lib/level/schemas/custom-field';
import { segment } from '@/lib/level/url';
import 'server-only';
import { z } from 'zod';

export interface CustomFieldCreate {
  name: string;
  adminOnly?: boolean;
}

export interface CustomFieldChanges {
  name?: string;
  adminOnly?: boolean;
}

export function customFieldsEndpoints(t: LevelTransport) {
  function list(options: ListOptions = {}): AsyncGenerator<CustomField> {
    return mapPages(t.paginate('/custom_fields', {}, levelCustomFieldSchema, options), toCustomField);
  }

  return {
    list,
    listAll: (options: ListOptions = {}) => collect(list(options)),
    async get(id: string): Promise<CustomField> {
      return toCustomField(
        await t.request('GET', `/custom_fields/${segment(id)}`, { schema: levelCustomFieldSchema }),
      );
    },
    async create(input: CustomFieldCreate): Promise<CustomField> {
      const body = definedOnly({ name: input.name, admin_only: input.adminOnly });
      return toCustomField(
        await t.request('POST', '/custom_fields', { body, schema: levelCustomFieldSchema }),
      );
    },
    async update(id: string, changes: CustomFieldChanges): Promise<CustomField> {
      const body = definedOnly({ name: changes.name, admin_only: changes.adminOnly });
      const raw = await t.request('PATCH', `/custom_fields/${segment(id)}`, {
        body,
        schema: levelCustomFieldSchema,
      });
      return toCustomField(raw);
    },
    async delete(id: string): Promise<void> {
      await t.request('DELETE', `/custom_fields/${segment(id)}`, { schema: z.unknown() });
    },
  };
}

export interface CustomFieldValueFilters {
  /**
   * A device (or group) id: that target's effective values. Omitted: organisation-wide values only.
   */
  assignedToId?: string;
  /** Also filtered locally: one source found Level ignoring this parameter. */
  customFieldId?: string;
}

export interface CustomFieldValueSet {
  customFieldId: string;
  value: string;
  /** Device or group id; omitted or null for the organisation-wide value. */
  assignedToId?: string | null;
  /** Also override values set further down the tree. */
  force?: boolean;
}

export interface CustomFieldValueDelete {
  customFieldId: string;
  assignedToId?: string | null;
  force?: boolean;
}

export function customFieldValuesEndpoints(t: LevelTransport) {
  async function* list(
    filters: CustomFieldValueFilters = {},
    options: ListOptions = {},
  ): AsyncGenerator<CustomFieldValue> {
    const query = { assigned_to_id: filters.assignedToId, custom_field_id: filters.customFieldId };
    // These values have no id of their own; the field id is the cursor (REFERENCE §7.7).
    const pages = t.paginate('/custom_field_values', query, levelCustomFieldValueSchema, {
      ...options,
      cursorField: 'custom_field_id',
    });
    for await (const value of mapPages(pages, toCustomFieldValue)) {
      if (filters.customFieldId === undefined || value.customFieldId === filters.customFieldId) yield value;
    }
  }

  return {
    list,
    listAll: (filters: CustomFieldValueFilters = {}, options: ListOptions = {}) =>
      collect(list(filters, options)),
    async set(input: CustomFieldValueSet): Promise<CustomFieldValue> {
      const body = definedOnly({
        custom_field_id: input.customFieldId,
        value: input.value,
        assigned_to_id: input.assignedToId,
        force: input.force,
      });
      return toCustomFieldValue(
        await t.request('PATCH', '/custom_field_values', { body, schema: levelCustomFieldValueSchema }),
      );
    },
    async delete(input: CustomFieldValueDelete): Promise<void> {
      const body = definedOnly({
        custom_field_id: input.customFieldId,
        assigned_to_id: input.assignedToId,
        force: input.force,
      });
      await t.request('DELETE', '/custom_field_values', { body, schema: z.unknown() });
    },
  };
}

export type CustomFieldsEndpoints = ReturnType<typeof customFieldsEndpoints>;
export type CustomFieldValuesEndpoints = ReturnType<typeof customFieldValuesEndpoints>;
