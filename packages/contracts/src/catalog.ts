import type { z } from 'zod';
import { priorityPublishedV1 } from './events/clinics.js';

/**
 * Every integration event the platform knows, by type and version. A consumer looks its message up
 * here: an unknown type or version, or data that does not parse, is a poison message.
 */
export const eventCatalog = {
  'clinics.priority.published': { 1: priorityPublishedV1 },
} as const satisfies Record<string, Record<number, z.ZodType>>;

export type EventType = keyof typeof eventCatalog;

/** The data type of one event version, e.g. `EventData<'clinics.priority.published', 1>`. */
export type EventData<T extends EventType, V extends keyof (typeof eventCatalog)[T]> =
  (typeof eventCatalog)[T][V] extends z.ZodType<infer D> ? D : never;

export function schemaFor(type: string, version: number): z.ZodType | undefined {
  const versions = (eventCatalog as Record<string, Record<number, z.ZodType>>)[type];
  return versions?.[version];
}
