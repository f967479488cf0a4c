import { findPage, isDuplicateKey, PAGE_MAX, type DocumentLocks } from '@hamgam/service-kit';
import type { StoredResident } from '../data/residents.js';
import type { ClinicsModels } from '../deps.js';
import type { PiiProtector } from '../domain/pii.js';
import { residentLockKey } from './residents.js';

export interface ResealCounts {
  checked: number;
  resealed: number;
  alreadyCurrent: number;
  failed: number;
}

export interface ResealReport {
  /** A record left as it was, and why (its id is opaque; no personal data). */
  failed?(residentId: string, reason: string): void;
  /** After each page, with the counts so far. */
  page?(counts: ResealCounts): void;
}

type SealedRecord = Pick<StoredResident, '_id' | 'pii' | 'nationalIdIndex' | 'nameIndex'>;
const sealedFields = { _id: 1, pii: 1, nationalIdIndex: 1, nameIndex: 1 } as const;

/** Records re-sealed at once: a few, so that the job leaves the store's connections to the replicas serving requests. */
const inParallel = 4;

const sameWords = (a: readonly string[] | undefined, b: readonly string[]) => !!a && a.length === b.length && a.every((w, i) => w === b[i]);

/**
 * The record sealed and indexed under the current keys (the national id's index and the name's words), or
 * null when it is already; throws when no configured key reads it. Records written before names were
 * indexed get their name index here too: running the job once after the upgrade makes them findable by name.
 */
function resealed(pii: PiiProtector, record: SealedRecord): Pick<StoredResident, 'pii' | 'nationalIdIndex' | 'nameIndex'> | null {
  const personal = pii.decrypt(record.pii);
  const nationalIdIndex = pii.blindIndex(personal.nationalId);
  const nameIndex = pii.nameIndex(personal.fullName);
  if (pii.isSealedWithCurrentKey(record.pii) && record.nationalIdIndex === nationalIdIndex && sameWords(record.nameIndex, nameIndex))
    return null;
  return { pii: pii.isSealedWithCurrentKey(record.pii) ? record.pii : pii.encrypt(personal), nationalIdIndex, nameIndex };
}

/**
 * After a key change, brings every resident's record under the current keys: walks the register in keyset
 * pages by `_id` and rewrites the records sealed under an older key (or `v1`) or carrying an older blind
 * index. Idempotent: a current record is not written, so a run that stopped half-way is simply run again.
 *
 * Safe beside the running replicas: each rewrite is a read → decrypt → write under the resident's lease,
 * the one the PATCH route takes, so a staff member's change made at the same moment is never overwritten;
 * the write is also conditional on the record read, so a writer that does not take the lease (a replica
 * still on an older version) fails the record loudly instead of being overwritten (on MongoDB the condition
 * is atomic).
 *
 * Writes no access-log entries: the log answers "who saw this person's data", and this job is no one
 * reading it: it decrypts each record in memory only to encrypt it again, and shows or keeps nothing. An
 * entry per resident per rotation would bury the real reads under hundreds of thousands of entries telling
 * an auditor nothing; the run itself is accounted for by its printed counts and the Job's record.
 */
export async function resealResidents(
  { models, locks, pii }: { models: Pick<ClinicsModels, 'residents'>; locks: DocumentLocks; pii: PiiProtector },
  report: ResealReport = {},
): Promise<ResealCounts> {
  const counts: ResealCounts = { checked: 0, resealed: 0, alreadyCurrent: 0, failed: 0 };

  const rewrite = (id: string) =>
    locks.run(residentLockKey(models), id, async () => {
      // Read again under the lease: the page may be stale, and a change through the API re-seals too.
      const record = await models.residents.findById(id, sealedFields).lean();
      const changes = record && resealed(pii, record);
      if (!changes) return false;
      const result = await models.residents.updateOne(
        { _id: id, pii: record.pii, nationalIdIndex: record.nationalIdIndex },
        { $set: changes },
      );
      if (result.matchedCount === 0)
        throw new Error('changed meanwhile by a writer that does not take the lease (a replica of an older version?); run again');
      return true;
    });

  async function check(record: SealedRecord) {
    counts.checked++;
    try {
      const written = resealed(pii, record) !== null && (await rewrite(record._id));
      if (written) counts.resealed++;
      else counts.alreadyCurrent++;
    } catch (error) {
      counts.failed++;
      report.failed?.(
        record._id,
        isDuplicateKey(error)
          ? 'another resident holds this national id under the current index: a duplicate registration, to resolve by hand'
          : (error as Error).message,
      );
    }
  }

  let after: string | undefined;
  do {
    const page = await findPage(models.residents.find({}, sealedFields).lean(), { limit: PAGE_MAX, after });
    for (let i = 0; i < page.items.length; i += inParallel) await Promise.all(page.items.slice(i, i + inParallel).map(check));
    report.page?.(counts);
    after = page.next ?? undefined;
  } while (after);
  return counts;
}

/**
 * Gives a name index to the residents registered before names were indexed (the demo register of a stack
 * that predates it): one page at a time, each write conditional on the record still having none, so it is
 * safe beside the replicas and idempotent. Records no configured key opens are left for the re-seal job to
 * report. Returns how many were indexed.
 */
export async function indexMissingNames({ models, pii }: { models: Pick<ClinicsModels, 'residents'>; pii: PiiProtector }): Promise<number> {
  let indexed = 0;
  let after: string | undefined;
  do {
    // `nameIndex: null` also matches a record without the field.
    const page = await findPage(models.residents.find({ nameIndex: null }, { _id: 1, pii: 1 }).lean(), { limit: PAGE_MAX, after });
    for (const record of page.items) {
      let nameIndex: string[];
      try {
        nameIndex = pii.nameIndex(pii.decrypt(record.pii).fullName);
      } catch {
        continue;
      }
      const result = await models.residents.updateOne({ _id: record._id, nameIndex: null }, { $set: { nameIndex } });
      indexed += result.modifiedCount;
    }
    after = page.next ?? undefined;
  } while (after);
  return indexed;
}
