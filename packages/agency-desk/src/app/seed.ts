import { addDays, dayOf } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import type { NeedCategory, PartnerAgency } from '@hamgam/contracts';
import { demoOffers, demoReferrals, demoUuid, type DemoReferral } from '@hamgam/demo-data';
import { inList, outboxEntries, readAll } from '@hamgam/service-kit';
import type { ProgressEntry, StoredCommitment, StoredReferral } from '../data/models.js';
import { holdsSeat, type ReferralState } from '../domain/referrals.js';
import { causeOf, type DeskDeps, type DeskOptions } from '../options.js';

const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000);

/** A demo referral as the agency holds it today: its whole history, relative to the seed's "now". */
export function demoReferralRecord(demo: DemoReferral, now: Date): Omit<StoredReferral, 'outbox'> {
  const madeAt = daysFrom(now, -demo.madeDaysAgo);
  const after = (days: number) => daysFrom(madeAt, days);
  const state: ReferralState = demo.withdrawn
    ? 'withdrawn'
    : demo.completed
      ? 'completed'
      : demo.declined
        ? 'declined'
        : demo.accepted
          ? 'accepted'
          : 'received';
  return {
    _id: demo.referralId,
    agency: demo.agency,
    trackingCode: demo.trackingCode,
    offerId: demo.offerId,
    clinicId: demo.clinicId,
    neighbourhoodId: demo.neighbourhoodId,
    residentRef: demo.residentRef,
    householdRef: demo.householdRef,
    needCategory: demo.needCategory,
    madeAt,
    respondBy: addDays(madeAt, demo.respondWithinDays),
    receivedAt: madeAt,
    sourceEventId: 'seed',
    state,
    acceptedAt: demo.accepted ? after(demo.accepted.afterDays) : null,
    completeBy: demo.accepted ? addDays(madeAt, demo.accepted.afterDays + demo.accepted.completeWithinDays) : null,
    declinedAt: demo.declined ? after(demo.declined.afterDays) : null,
    declineReason: demo.declined?.reason ?? null,
    completedAt: demo.completed ? after(demo.completed.afterDays) : null,
    outcome: demo.completed?.outcome ?? null,
    withdrawnAt: demo.withdrawn ? after(demo.withdrawn.afterDays) : null,
    withdrawReason: demo.withdrawn?.reason ?? null,
  };
}

interface DemoCommitment {
  neighbourhoodId: string;
  answers: NeedCategory;
  title: string;
  delivered?: string;
}

/** Two actions per agency against priorities the clinics' seed publishes (not Sar Asiab's: the demo story publishes that one by hand). */
const demoCommitments: Record<PartnerAgency, [DemoCommitment, DemoCommitment]> = {
  'vocational-training': [
    { neighbourhoodId: 'nbh-motahari', answers: 'skills-training', title: 'دوره‌های مشاغل خانگی در کلینیک مطهری (خیاطی و شیرینی‌پزی)' },
    {
      neighbourhoodId: 'nbh-fajr',
      answers: 'employment',
      title: 'استقرار مشاور شغلی در کلینیک فجر، یک روز در هفته',
      delivered: 'گزارش شماره ۱۴۰۵/۲۱۸ — ۱۲ جلسه مشاوره برگزار شد',
    },
  ],
  welfare: [
    { neighbourhoodId: 'nbh-amiralmomenin', answers: 'social-care', title: 'تشکیل پرونده مددکاری برای خانوارهای آسیب‌پذیر امیرالمؤمنین' },
    {
      neighbourhoodId: 'nbh-motahari',
      answers: 'income-support',
      title: 'شناسایی خانوارهای نیازمند حمایت معیشتی در مطهری',
      delivered: 'فهرست ۴۲ خانوار به کمیته امداد ارسال شد (نامه ۳۱۲/ب)',
    },
  ],
  'relief-partnerships': [
    { neighbourhoodId: 'nbh-fajr', answers: 'workshop-space', title: 'آماده‌سازی دو کارگاه خانگی در فجر با اردوی جهادی بسیج' },
    {
      neighbourhoodId: 'nbh-amiralmomenin',
      answers: 'income-support',
      title: 'وام خرد کسب‌وکار خانگی برای ۱۰ خانوار امیرالمؤمنین',
      delivered: 'صورت‌جلسه پرداخت ۱۰ فقره وام، شماره ۸۸۴',
    },
  ],
  'institute-funding': [
    { neighbourhoodId: 'nbh-motahari', answers: 'skills-training', title: 'حمایت مالی از آموزشگاه آزاد نگین برای کلاس‌های رایگان مطهری' },
    {
      neighbourhoodId: 'nbh-fajr',
      answers: 'skills-training',
      title: 'قرارداد حمایت با آموزشگاه آزاد محله فجر',
      delivered: 'قرارداد ۱۴۰۵/ح/۷ امضا و قسط نخست پرداخت شد',
    },
  ],
};

/**
 * Demo data for an empty desk, idempotent per part: the agency's demo offers published through the
 * outbox, its demo referrals stored in their states as history (no events: the clinics' seed holds the
 * same story), and two commitments declared and progressed through the outbox (one in progress, one delivered).
 */
export async function seedDesk(deps: DeskDeps, options: DeskOptions): Promise<void> {
  const { models, clock } = deps;
  const now = clock.now();
  const cause = causeOf(options, 'demo-seed', `seed-${randomUUID()}`);
  const written: string[] = [];

  const referrals = demoReferrals.filter((r) => r.agency === options.agency).map((r) => demoReferralRecord(r, now));
  // Referral by referral: real ones may have arrived already, and a demo one staff acted on stays as it is.
  const ids = referrals.map((r) => r._id);
  const stored = new Set((await readAll(models.referrals.find({ _id: inList(ids) }, { _id: 1 }).lean(), ids.length)).map((r) => r._id));
  const missing = referrals.filter((r) => !stored.has(r._id));
  if (missing.length > 0) await models.referrals.insertMany(missing.map((r) => ({ ...r, outbox: [] })));

  for (const { agency: _agency, ...offer } of demoOffers.filter((o) => o.agency === options.agency)) {
    // Offer by offer: staff may have added their own before the demo data was asked for.
    if (await models.offers.exists({ _id: offer.offerId })) continue;
    const seatHolders = referrals.filter((r) => r.offerId === offer.offerId && holdsSeat(r.state)).map((r) => r._id);
    const fields = { ...offer, available: Math.max(0, offer.available - seatHolders.length) };
    const data = { ...fields, agency: options.agency, revision: 1, publishedAt: now.toISOString() };
    const outbox = outboxEntries(options.agency, cause, [{ type: `${options.agency}.offer.published`, version: 1, data }]);
    await models.offers.create({ _id: offer.offerId, ...fields, revision: 1, seatHolders, updatedAt: now, updatedBy: 'demo-seed', outbox });
    written.push(offer.offerId);
  }

  if ((await models.commitments.countDocuments({ declaredBy: 'demo-seed' })) === 0) {
    for (const [index, demo] of demoCommitments[options.agency].entries()) {
      const id = demoUuid(`commitment:${options.agency}`, index);
      const declaredAt = daysFrom(now, -40);
      const dueOn = demo.delivered ? addDays(now, 5) : addDays(now, 60);
      const steps: ProgressEntry[] = [
        { status: 'in-progress', at: daysFrom(now, -25), evidence: null, revisedDueOn: null, by: 'demo-seed' },
      ];
      if (demo.delivered)
        steps.push({ status: 'delivered', at: daysFrom(now, -2), evidence: demo.delivered, revisedDueOn: null, by: 'demo-seed' });
      const last = steps[steps.length - 1]!;
      const commitment: Omit<StoredCommitment, 'outbox'> = {
        _id: id,
        agency: options.agency,
        source: 'agency',
        neighbourhoodId: demo.neighbourhoodId,
        answers: demo.answers,
        title: demo.title,
        dueOn,
        revisedDueOn: null,
        status: last.status,
        evidence: demo.delivered ?? null,
        meetingId: null,
        resolutionId: null,
        declaredAt,
        declaredBy: 'demo-seed',
        history: steps,
      };
      const events = [
        {
          type: `${options.agency}.commitment.declared`,
          version: 1,
          data: {
            commitmentId: id,
            agency: options.agency,
            neighbourhoodId: demo.neighbourhoodId,
            answers: demo.answers,
            title: demo.title,
            dueOn,
            declaredAt: declaredAt.toISOString(),
          },
        },
        ...steps.map((s) => ({
          type: `${options.agency}.commitment.progressed`,
          version: 1,
          data: {
            commitmentId: id,
            agency: options.agency,
            status: s.status,
            evidence: s.evidence,
            revisedDueOn: null,
            at: s.at.toISOString(),
          },
        })),
      ];
      await models.commitments.create({ ...commitment, outbox: outboxEntries(options.agency, cause, events) });
      written.push(id);
    }
  }
  deps.flushOutbox(written);
  deps.logger.info({ offers: written.length, referrals: referrals.length, day: dayOf(now) }, 'agency desk demo data seeded');
}
