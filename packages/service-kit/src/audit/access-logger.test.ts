import mongoose, { type Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { accessLogModel, type StoredAccessEntry } from './access-log.js';
import { accessLogger } from './access-logger.js';

const officer: Principal = {
  subject: 'u-relief',
  username: 'relief.officer',
  roles: ['relief-officer'],
  clinicIds: [],
  neighbourhoodIds: [],
};
const at = new Date('2026-03-21T08:00:00Z');

/** A log that keeps what is inserted: the writer's mapping is what is under test, not the store. */
function recordingDeps() {
  const inserted: Omit<StoredAccessEntry, '_id'>[] = [];
  const accessLog = {
    insertMany: async (entries: StoredAccessEntry[]) => inserted.push(...entries),
  } as unknown as Model<StoredAccessEntry>;
  return { inserted, deps: { models: { accessLog }, clock: { now: () => at } } };
}

type Row = { _id: string; residentRef: string | null; householdRef: string | null; referralId: string | null };

describe('accessLogger', () => {
  it('writes one entry per distinct person each row names, with the row’s own purpose and the clock’s time', async () => {
    const log = accessLogger<Row>('relief-partnerships', {
      kind: 'support-request',
      id: (r) => r._id,
      subjects: (r) => [r.residentRef, r.householdRef],
      purpose: (r) => (r.referralId ? { value: 'referral', source: 'consent' } : { value: 'home-business-support', source: 'route' }),
    });
    const { inserted, deps } = recordingDeps();
    await log(deps, officer, 'list', [
      { _id: 'sr-1', residentRef: 'res-1', householdRef: 'hh-1', referralId: 'ref-1' },
      { _id: 'sr-2', residentRef: null, householdRef: 'hh-2', referralId: null },
    ]);
    expect(inserted.map(({ recordId, subject, purpose, purposeSource }) => [recordId, subject, purpose, purposeSource])).toEqual([
      ['sr-1', 'res-1', 'referral', 'consent'],
      ['sr-1', 'hh-1', 'referral', 'consent'],
      ['sr-2', 'hh-2', 'home-business-support', 'route'],
    ]);
    expect(inserted[0]).toMatchObject({
      at,
      agency: 'relief-partnerships',
      actor: 'relief.officer',
      actorId: 'u-relief',
      action: 'list',
      recordKind: 'support-request',
    });
  });

  it('takes one purpose for every row, and writes nothing for rows naming no one', async () => {
    const log = accessLogger<Row>('welfare', {
      kind: 'referral',
      id: (r) => r._id,
      subjects: (r) => [r.householdRef],
      purpose: { value: 'referral', source: 'consent' },
    });
    const { inserted, deps } = recordingDeps();
    await log(deps, officer, 'read', [{ _id: 'ref-1', residentRef: null, householdRef: 'hh-1', referralId: 'ref-1' }]);
    await log(deps, officer, 'read', [{ _id: 'ref-2', residentRef: null, householdRef: null, referralId: 'ref-2' }]);
    expect(inserted.map((e) => [e.recordId, e.subject, e.purpose])).toEqual([['ref-1', 'hh-1', 'referral']]);
  });
});

describe('accessLogModel', () => {
  it('is one model per connection, however many parts of a service ask for it', () => {
    const connection = mongoose.createConnection();
    expect(accessLogModel(connection)).toBe(accessLogModel(connection));
  });
});
