import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventCatalog, partnerEventTypes, schemaFor } from './event-catalog.js';
import { partnerAgencies } from './shared.js';

/** Every field name of a schema, nested objects and arrays included. */
function fieldNames(schema: z.ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => [
      `${prefix}${key}`,
      ...fieldNames(inner, `${prefix}${key}.`),
    ]);
  }
  if (schema instanceof z.ZodArray) return fieldNames(schema.element as z.ZodType, prefix);
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return fieldNames(schema.unwrap() as z.ZodType, prefix);
  return [];
}

describe('event catalogue', () => {
  it('has each partner event once per partner agency, under the agency’s own name', () => {
    expect(partnerEventTypes('referral.accepted')).toEqual(partnerAgencies.map((a) => `${a}.referral.accepted`));
    for (const type of partnerEventTypes('commitment.progressed')) expect(schemaFor(type, 1)).toBeDefined();
    expect(schemaFor('clinics.referral.accepted', 1)).toBeUndefined();
  });

  it('carries no personal data: no event has a field for a person’s name, national id, phone or address', () => {
    const personal = /(^|\.)(first|last|full)?name$|national|phone|mobile|address|birth/i;
    const offending = Object.entries(eventCatalog).flatMap(([type, versions]) =>
      Object.values(versions as Record<number, z.ZodType>).flatMap((schema) =>
        fieldNames(schema)
          .filter((f) => personal.test(f))
          .map((f) => `${type}: ${f}`),
      ),
    );
    expect(offending).toEqual([]);
    // The check itself catches such a field.
    expect(fieldNames(z.object({ person: z.object({ fullName: z.string() }) })).filter((f) => personal.test(f))).toEqual([
      'person.fullName',
    ]);
  });
});
