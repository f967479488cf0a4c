import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Principal, Role } from '../auth/principal.js';

/** What was done with a person's data. */
export const accessLogActions = ['read', 'list', 'create', 'update', 'decide', 'disburse', 'register', 'duplicate-check'] as const;
export type AccessLogAction = (typeof accessLogActions)[number];

/** Where the purpose came from: the consent the data was shared under, or the route's own declared purpose. */
export const purposeSources = ['consent', 'route'] as const;
export type PurposeSource = (typeof purposeSources)[number];

/**
 * One read or change of one person's data (the auditor's question is "who saw this person, when and
 * why"): an access that concerns several people (a household and its resident, a page of a list) is one
 * entry per person, so `subject` stays a single indexed value.
 */
export interface StoredAccessEntry {
  _id: string;
  /** When, on the service's clock. */
  at: Date;
  /** The agency (service) that holds the data. */
  agency: string;
  /** Who: the realm username, its subject id and the roles it acted with. */
  actor: string;
  actorId: string;
  actorRoles: Role[];
  action: AccessLogAction;
  /** The record read or changed: `case`, `permit`, `support-request`, `resident`… and its id. */
  recordKind: string;
  recordId: string;
  /** The person concerned: a resident or household ref as the clinics issued it (or an agency's own applicant id). */
  subject: string;
  purpose: string;
  purposeSource: PurposeSource;
}

export const accessLogCollection = 'access_log';

/** Raised by any attempt to change or remove an access-log entry through the model. */
export class AppendOnlyError extends Error {
  override name = 'AppendOnlyError';
  constructor(operation: string) {
    super(`the access log is append-only: ${operation} is not allowed`);
  }
}

const changes = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const;

const accessLogModelName = 'AccessLogEntry';

/**
 * The `access_log` collection. Insert-only: the model refuses every update and delete (queries,
 * documents and bulk writes), so no code path can rewrite history; indexes serve the auditor's filters
 * (a person, a user, or only dates), newest first. One model per connection: a service and the agency
 * desk it composes both ask for it, and both write the one log.
 */
export function accessLogModel(connection: Connection): Model<StoredAccessEntry> {
  const existing = connection.models[accessLogModelName] as Model<StoredAccessEntry> | undefined;
  if (existing) return existing;
  const schema = new Schema<StoredAccessEntry>(
    {
      _id: String,
      at: { type: Date, required: true },
      agency: { type: String, required: true },
      actor: { type: String, required: true },
      actorId: { type: String, required: true },
      actorRoles: { type: [String], default: [] },
      action: { type: String, enum: accessLogActions, required: true },
      recordKind: { type: String, required: true },
      recordId: { type: String, required: true },
      subject: { type: String, required: true },
      purpose: { type: String, required: true },
      purposeSource: { type: String, enum: purposeSources, required: true },
    },
    { versionKey: false, collection: accessLogCollection },
  );
  schema.index({ at: -1, _id: -1 });
  schema.index({ subject: 1, at: -1 });
  schema.index({ actor: 1, at: -1 });
  for (const operation of changes) {
    schema.pre(operation, { document: true, query: true }, () => {
      throw new AppendOnlyError(operation);
    });
  }
  schema.pre('save', function () {
    if (!this.isNew) throw new AppendOnlyError('save of an existing entry');
  });
  schema.pre('bulkWrite', (operations) => {
    const other = operations.find((op) => !('insertOne' in op));
    if (other) throw new AppendOnlyError(Object.keys(other)[0] ?? 'bulkWrite');
  });
  return connection.model<StoredAccessEntry>(accessLogModelName, schema);
}

/** What a route knows about one access; `subjects` are the people it concerns (empty or null refs are skipped). */
export interface AccessRecord {
  principal: Principal;
  action: AccessLogAction;
  record: { kind: string; id: string };
  subjects: readonly (string | null | undefined)[];
  /** The consent's purpose when the data came under one (`source: 'consent'`), else the route's declared purpose. */
  purpose: { value: string; source: PurposeSource };
  at: Date;
}

/** Appends one entry per distinct person concerned; awaited before answering, so an access that cannot be logged fails. */
export async function logAccess(
  model: Model<StoredAccessEntry>,
  agency: string,
  access: AccessRecord | readonly AccessRecord[],
): Promise<void> {
  const all = Array.isArray(access) ? (access as readonly AccessRecord[]) : [access as AccessRecord];
  const entries = all.flatMap((a) =>
    [...new Set(a.subjects.filter((s): s is string => typeof s === 'string' && s.length > 0))].map((subject) => ({
      _id: randomUUID(),
      at: a.at,
      agency,
      actor: a.principal.username,
      actorId: a.principal.subject,
      actorRoles: a.principal.roles,
      action: a.action,
      recordKind: a.record.kind,
      recordId: a.record.id,
      subject,
      purpose: a.purpose.value,
      purposeSource: a.purpose.source,
    })),
  );
  if (entries.length > 0) await model.insertMany(entries);
}
