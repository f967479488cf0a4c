import type { Model } from 'mongoose';
import type { Principal } from '../auth/principal.js';
import type { Clock } from '../time/clock.js';
import { logAccess, type AccessLogAction, type AccessRecord, type StoredAccessEntry } from './access-log.js';

/** How one kind of a service's records names the people it concerns, and why the caller sees them. */
export interface AccessMapping<T> {
  /** The record kind the auditor reads: `case`, `permit`, `referral`, `award`… */
  kind: string;
  id(row: T): string;
  /** The resident and household refs the row concerns (nulls are skipped). */
  subjects(row: T): readonly (string | null | undefined)[];
  /** One purpose for every row, or the row's own (a referral's consent, else the agency's duty). */
  purpose: AccessRecord['purpose'] | ((row: T) => AccessRecord['purpose']);
}

/** What a writer needs of a service's deps: its access log and its clock. */
export interface AccessLogDeps {
  models: { accessLog: Model<StoredAccessEntry> };
  clock: Clock;
}

export type AccessLogger<T> = (deps: AccessLogDeps, principal: Principal, action: AccessLogAction, rows: readonly T[]) => Promise<void>;

/**
 * A service's writer for one kind of record: appends one entry per person each row names, at the
 * clock's now, under the mapping's purpose. Awaited before answering, like logAccess.
 */
export function accessLogger<T>(agency: string, mapping: AccessMapping<T>): AccessLogger<T> {
  const purposeOf = typeof mapping.purpose === 'function' ? mapping.purpose : () => mapping.purpose as AccessRecord['purpose'];
  return (deps, principal, action, rows) => {
    const at = deps.clock.now();
    return logAccess(
      deps.models.accessLog,
      agency,
      rows.map((row) => ({
        principal,
        action,
        record: { kind: mapping.kind, id: mapping.id(row) },
        subjects: mapping.subjects(row),
        purpose: purposeOf(row),
        at,
      })),
    );
  };
}
