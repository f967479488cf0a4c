import { findPage, PAGE_MAX } from '@hamgam/service-kit';
import { applicantSealer, type ApplicantData } from '../config.js';
import { tvtoCollections } from '../data/models.js';
import type { StoredPermit } from '../data/permits.js';
import type { VtDeps } from '../deps.js';

/** How applications were stored before their applicant was sealed: the name and the address in plaintext. */
interface LegacyApplicant {
  applicantName?: string | null;
  address?: string;
}

type Stored = Omit<StoredPermit, 'outbox' | 'applicant'> & { applicant?: string } & LegacyApplicant;

/**
 * Start-up repair, idempotent: every application whose applicant is in plaintext (stored before sealing)
 * or sealed under a previous key is sealed under the current PERMITS_PII_ENCRYPTION_KEY, and the plaintext
 * fields are removed. Each rewrite takes the application's lease (the one every change takes) and is
 * conditional on the status and update time it read, so a change made meanwhile is never overwritten.
 * Nothing personal is logged: counts and opaque ids only.
 */
export async function sealPermitApplicants(deps: VtDeps): Promise<number> {
  const { permits } = deps.models;
  const sealer = applicantSealer(deps.config);
  const current = (p: Stored) =>
    p.applicant !== undefined && sealer.isSealedWithCurrentKey(p.applicant) && p.applicantName === undefined && p.address === undefined;
  const rewrite = (id: string) =>
    deps.locks.run(tvtoCollections.permits, id, async () => {
      const stored = (await permits.findById(id, { outbox: 0 }).lean()) as Stored | null;
      if (!stored || current(stored)) return false;
      const data: ApplicantData =
        stored.applicant !== undefined
          ? sealer.open(stored.applicant)
          : { name: stored.applicantName ?? null, address: stored.address ?? '' };
      const result = await permits.updateOne(
        { _id: id, status: stored.status, updatedAt: stored.updatedAt },
        { $set: { applicant: sealer.seal(data) }, $unset: { applicantName: 1, address: 1 } },
        // The plaintext fields are no longer in the schema: without this, mongoose would drop their $unset.
        { strict: false },
      );
      if (result.matchedCount !== 1)
        throw new Error(`permit application ${id} changed while its applicant was being sealed; the next start seals it`);
      return true;
    });

  let sealed = 0;
  let after: string | undefined;
  do {
    const page = await findPage(permits.find({}, { outbox: 0 }).lean<Stored[]>(), { limit: PAGE_MAX, after });
    for (const permit of page.items.filter((p) => !current(p))) if (await rewrite(permit._id)) sealed++;
    after = page.next ?? undefined;
  } while (after);
  if (sealed > 0) deps.logger.info({ sealed }, 'permit applicants sealed under the current key');
  return sealed;
}
