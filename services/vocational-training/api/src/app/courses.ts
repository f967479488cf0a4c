import { jalaliYearOf } from '@hamgam/contracts/days';
import { randomBytes, randomUUID } from 'node:crypto';
import { actOnReferral, adjustSeat, createOffer, newOfferId, offerIdPrefixes, ownsOfferId, type OfferFields } from '@hamgam/agency-desk';
import type { EnrolmentCompletedV1, EnrolmentRecordedV1, LocalizedText, NeedCategory } from '@hamgam/contracts';
import { caps, isDuplicateKey, outboxEntries, readAll, type EventCause } from '@hamgam/service-kit';
import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { mongo } from 'mongoose';
import type { StoredCourse } from '../data/courses.js';
import type { StoredEnrolment } from '../data/enrolments.js';
import { tvtoCollections } from '../data/models.js';
import { checkCourseDates, type CourseFacts } from '../domain/courses.js';
import {
  certificateNumberOf,
  checkSessionNumber,
  completeEnrolment as completeRule,
  holdsCourseSeat,
  markAttendance,
  referralOutcomeOf,
  type CompletionResult,
} from '../domain/enrolments.js';
import { agency, desk, type VtDeps, type VtModels } from '../deps.js';
import { acceptedReferral } from './referrals.js';
import { refsVerifiedOf } from './refs.js';

/** A new course: its facts, and what its desk offer says besides (the UI's form leaves the id out: made here). */
export interface NewCourse extends CourseFacts {
  courseId?: string;
  eligibility: LocalizedText;
  answers: NeedCategory[];
  neighbourhoodIds: string[];
}

// Raw collections for the conditional updates built here (mongoose sanitises operators in filters).
const coursesRaw = (models: VtModels) => models.courses.collection as unknown as mongo.Collection<StoredCourse>;

/**
 * A course's id is its offer's, so it is namespaced like every TVTO offer (the clinics keep an offer id's
 * first agency as its owner): made here when none is given, refused without TVTO's prefix — the same
 * rule and code as the desk's own offers.
 */
function courseIdFor(requested: string | undefined, title: LocalizedText): string {
  if (requested === undefined) return newOfferId(agency, title, randomBytes(4).toString('hex'));
  if (ownsOfferId(agency, requested)) return requested;
  const prefixes = offerIdPrefixes[agency].map((p) => `${p}-`).join(' or ');
  throw new BrokenRuleError(
    'offer-id-not-own',
    `${agency}’s course ids start with ${prefixes}; leave courseId out to have one made`,
    'courseId',
  );
}

/**
 * A course, and the same course published in the desk's catalogue (offer kind `course`, same id) so the
 * clinics can refer residents to it. The course is stored first; if the offer cannot be (its id is an
 * offer already), the course is removed again and the caller gets the desk's answer.
 */
export async function createCourse(deps: VtDeps, input: NewCourse, cause: EventCause): Promise<StoredCourse> {
  const { courseId: requested, eligibility, answers, neighbourhoodIds, ...fields } = input;
  checkCourseDates(fields);
  const courseId = courseIdFor(requested, input.title);
  const course: StoredCourse = {
    _id: courseId,
    ...fields,
    sessionsHeld: 0,
    seatHolders: [],
    seats: 0,
    createdAt: deps.clock.now(),
    createdBy: cause.actor.subject,
  };
  try {
    await deps.models.courses.create(course);
  } catch (error) {
    if (isDuplicateKey(error)) throw new IllegalStepError('course-exists', `a course ${courseId} exists already`);
    throw error;
  }
  const offer: OfferFields = {
    kind: 'course',
    title: input.title,
    eligibility,
    answers,
    neighbourhoodIds,
    place: input.venueName,
    schedule: input.schedule,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    capacity: input.capacity,
    available: input.capacity,
    status: 'open',
  };
  try {
    await createOffer(deps, desk.options, courseId, offer, cause);
  } catch (error) {
    await deps.models.courses.deleteOne({ _id: courseId });
    throw error;
  }
  return course;
}

/**
 * Takes one of the course's seats for an enrolment, only while one is free. Callers hold the course's
 * lease (see enrol): FerretDB applies a conditional `$inc` without isolation, so only the lease — one
 * writer of the course at a time, across replicas — makes "seats < capacity" hold.
 */
async function takeCourseSeat(models: VtModels, courseId: string, capacity: number, enrolmentId: string): Promise<boolean> {
  const result = await coursesRaw(models).updateOne(
    { _id: courseId, seats: { $lt: capacity } },
    { $inc: { seats: 1 }, $push: { seatHolders: enrolmentId }, $set: { capacity } },
  );
  return result.matchedCount === 1;
}

const releaseCourseSeatHeld = (models: VtModels, courseId: string, enrolmentId: string) =>
  coursesRaw(models).updateOne(
    { _id: courseId, seatHolders: enrolmentId },
    { $pullAll: { seatHolders: [enrolmentId] }, $inc: { seats: -1 } },
  );

function releaseCourseSeat({ models, locks }: Pick<VtDeps, 'models' | 'locks'>, courseId: string, enrolmentId: string) {
  return locks.run(tvtoCollections.courses, courseId, () => releaseCourseSeatHeld(models, courseId, enrolmentId));
}

const alreadyEnrolled = () => new IllegalStepError('already-enrolled', 'this resident is enrolled on this course already');

export type EnrolmentRequest = { referralId: string } | { residentRef: string | null; neighbourhoodId: string | null };

/**
 * Enrols a resident: from a referral the desk accepted for this course (the resident, household and
 * neighbourhood come from it; the referral already holds the offer's place), or directly (a walk-in
 * gets a fresh opaque id and takes a place of the offer too). Capacity is enforced by the course's
 * conditional seat write; the enrolment and its `enrolment.recorded` event are one write after it.
 */
export async function enrol(deps: VtDeps, courseId: string, request: EnrolmentRequest, cause: EventCause): Promise<StoredEnrolment> {
  const { models } = deps;
  const course = await models.courses.findById(courseId).lean();
  if (!course) throw new NotFoundError('course-not-found', `no course ${courseId}`);
  let who: Pick<StoredEnrolment, 'residentRef' | 'householdRef' | 'neighbourhoodId' | 'referralId' | 'source' | 'refsVerified'>;
  // The catalogue entry is where staff change a course's capacity (the desk's offer editor): it wins.
  const offer = await models.offers.findById(courseId, { available: 1, status: 1, capacity: 1 }).lean();
  const capacity = offer?.capacity ?? course.capacity;
  if ('referralId' in request) {
    const referral = await acceptedReferral(deps, request.referralId, { offerId: courseId });
    who = {
      residentRef: referral.residentRef,
      householdRef: referral.householdRef,
      neighbourhoodId: referral.neighbourhoodId,
      referralId: referral._id,
      source: 'referral',
      refsVerified: true,
    };
  } else {
    if (offer && (offer.status === 'closed' || offer.available === 0))
      throw new IllegalStepError(
        'course-full',
        `course ${courseId} has no free place: the remaining places are held by accepted referrals`,
      );
    // Kept even for a ref no clinic gave TVTO, marked unverified (refsVerified false) for staff to check.
    const refsVerified = await refsVerifiedOf(deps, request.residentRef);
    who = {
      residentRef: request.residentRef ?? randomUUID(),
      householdRef: null,
      neighbourhoodId: request.neighbourhoodId,
      referralId: null,
      source: 'direct',
      refsVerified,
    };
  }
  const seatKey = `${courseId}:${who.residentRef}`;
  if (await models.enrolments.exists({ seatKey })) throw alreadyEnrolled();

  const enrolmentId = randomUUID();
  const now = deps.clock.now();
  const data: EnrolmentRecordedV1 = {
    enrolmentId,
    courseId,
    trade: course.trade,
    venue: course.venue,
    residentRef: who.residentRef,
    householdRef: who.householdRef,
    neighbourhoodId: who.neighbourhoodId,
    referralId: who.referralId,
    enrolledAt: now.toISOString(),
  };
  const enrolment: StoredEnrolment = {
    _id: enrolmentId,
    courseId,
    seatKey,
    trade: course.trade,
    venue: course.venue,
    ...who,
    state: 'enrolled',
    attended: [],
    result: null,
    certificateNo: null,
    enrolledAt: now,
    enrolledBy: cause.actor.subject,
    completedAt: null,
    outbox: outboxEntries(agency, cause, [{ type: `${agency}.enrolment.recorded`, version: 1, data }]),
  };
  // The seat and the enrolment under one lease of the course: the start-up repair of another replica
  // (reconcileCourseSeats, under the same lease) never sees a seat whose enrolment is still being written.
  await deps.locks.run(tvtoCollections.courses, courseId, async () => {
    if (!(await takeCourseSeat(models, courseId, capacity, enrolmentId)))
      throw new IllegalStepError('course-full', `course ${courseId} is full (${capacity} places)`);
    try {
      await models.enrolments.create(enrolment);
    } catch (error) {
      await releaseCourseSeatHeld(models, courseId, enrolmentId);
      if (isDuplicateKey(error)) throw alreadyEnrolled();
      throw error;
    }
  });
  deps.flushOutbox([enrolmentId]);
  if (who.source === 'direct') await adjustSeat(deps, desk.options, courseId, enrolmentId, 'take', cause);
  return enrolment;
}

/**
 * The attendance sheet of one session: who of the enrolled residents was there. Marks the session as
 * held (the pass rule counts sessions held) and each enrolled resident present or absent.
 */
export async function takeAttendance(deps: VtDeps, courseId: string, session: number, present: readonly string[]) {
  const { models } = deps;
  const course = await models.courses.findById(courseId, { sessions: 1, sessionsHeld: 1 }).lean();
  if (!course) throw new NotFoundError('course-not-found', `no course ${courseId}`);
  checkSessionNumber(session, course.sessions);
  const enrolled = await readAll(models.enrolments.find({ courseId, state: 'enrolled' }, { outbox: 0 }).lean(), caps.perPerson);
  const ids = new Set(enrolled.map((e) => e._id));
  const strangers = present.filter((id) => !ids.has(id));
  if (strangers.length > 0) throw new BrokenRuleError('not-enrolled', `not enrolled on this course: ${strangers.join(', ')}`, 'present');
  let changed = 0;
  for (const enrolment of enrolled) {
    await deps.locks.run(tvtoCollections.enrolments, enrolment._id, async () => {
      const current = await models.enrolments.findById(enrolment._id, { state: 1, attended: 1 }).lean();
      if (!current || current.state !== 'enrolled') return;
      const attended = markAttendance(current, session, present.includes(enrolment._id), course.sessions);
      if (!attended) return;
      await models.enrolments.updateOne({ _id: enrolment._id, state: 'enrolled' }, { $set: { attended } });
      changed++;
    });
  }
  // Under the course's lease: FerretDB writes the whole document back, so an unguarded update could undo a seat taken meanwhile.
  if (session > course.sessionsHeld) {
    await deps.locks.run(tvtoCollections.courses, courseId, () =>
      coursesRaw(models).updateOne({ _id: courseId, sessionsHeld: { $lt: session } }, { $set: { sessionsHeld: session } }),
    );
  }
  return { session, present: present.length, enrolled: enrolled.length, changed };
}

/**
 * Ends an enrolment (passed with a certificate, failed, dropped out) with its `enrolment.completed`
 * event in one write; a drop-out frees the seat. An enrolment that answered a referral then completes
 * the desk's referral (achieved / not achieved), which tells the clinic: its closed loop closes.
 */
export async function finishEnrolment(
  deps: VtDeps,
  enrolmentId: string,
  result: CompletionResult,
  cause: EventCause,
): Promise<StoredEnrolment> {
  const { models } = deps;
  const updated = await deps.locks.run(tvtoCollections.enrolments, enrolmentId, async () => {
    const stored = await models.enrolments.findById(enrolmentId, { outbox: 0 }).lean();
    if (!stored) throw new NotFoundError('enrolment-not-found', `no enrolment ${enrolmentId}`);
    const course = await models.courses.findById(stored.courseId, { sessionsHeld: 1 }).lean();
    const now = deps.clock.now();
    const completion = completeRule(stored, result, course?.sessionsHeld ?? 0, certificateNumberOf(jalaliYearOf(now), enrolmentId));
    const {
      _id,
      seatKey: _k,
      source: _s,
      refsVerified: _v,
      state: _st,
      attended: _a,
      result: _r,
      certificateNo: _c,
      enrolledAt: _e,
      enrolledBy: _b,
      completedAt: _ca,
      ...facts
    } = stored;
    const data: EnrolmentCompletedV1 = {
      enrolmentId: _id,
      ...facts,
      result: completion.result,
      certificateNo: completion.certificateNo,
      completedAt: now.toISOString(),
    };
    const change = { state: completion.state, result: completion.result, certificateNo: completion.certificateNo, completedAt: now };
    const written = await models.enrolments.updateOne(
      { _id: enrolmentId, state: 'enrolled' },
      {
        $set: change,
        $push: { outbox: { $each: outboxEntries(agency, cause, [{ type: `${agency}.enrolment.completed`, version: 1, data }]) } },
      },
    );
    if (written.matchedCount !== 1)
      throw new IllegalStepError('enrolment-changed-meanwhile', `enrolment ${enrolmentId} changed meanwhile; reload it`);
    return { ...stored, ...change };
  });
  deps.flushOutbox([enrolmentId]);
  if (!holdsCourseSeat(updated.state)) {
    await releaseCourseSeat(deps, updated.courseId, enrolmentId);
    if (updated.source === 'direct') await adjustSeat(deps, desk.options, updated.courseId, enrolmentId, 'release', cause);
  }
  if (updated.referralId) await closeReferral(deps, updated.referralId, referralOutcomeOf(updated.result!), cause);
  return updated;
}

/** Completes the desk referral an ended enrolment or placement answered; one the clinic withdrew meanwhile stays as it is. */
export async function closeReferral(
  deps: VtDeps,
  referralId: string,
  outcome: 'achieved' | 'partly-achieved' | 'not-achieved',
  cause: EventCause,
) {
  try {
    await actOnReferral(deps, desk.options, referralId, { kind: 'complete', outcome }, cause);
  } catch (error) {
    if (error instanceof IllegalStepError || error instanceof NotFoundError) {
      deps.logger.info({ referralId, reason: error.message }, 'referral not completed: it is no longer accepted');
      return;
    }
    throw error;
  }
}

/**
 * Makes every course's seats agree with its enrolments (an enrolment interrupted between its seat and
 * its record leaves a seat with no enrolment; a drop-out interrupted before freeing its seat keeps one).
 * Runs at start-up of each replica while others may be serving: each course is checked and repaired
 * under its lease, which enrolments hold across their seat and their record. Idempotent.
 */
export async function reconcileCourseSeats(deps: Pick<VtDeps, 'models' | 'locks'>): Promise<number> {
  const { models } = deps;
  const [courses, enrolments] = await Promise.all([
    readAll(models.courses.find({}, { seatHolders: 1, seats: 1 }).lean(), caps.perNeighbourhood),
    readAll(models.enrolments.find({}, { courseId: 1, state: 1 }).lean(), caps.agencyCaseload),
  ]);
  let repaired = 0;
  for (const seen of courses) {
    const inSync = (course: Pick<StoredCourse, 'seats' | 'seatHolders'>, holders: string[]) =>
      course.seats === holders.length && [...course.seatHolders].sort().join() === holders.join();
    const holdersIn = (rows: Pick<StoredEnrolment, '_id' | 'courseId' | 'state'>[]) =>
      rows
        .filter((e) => e.courseId === seen._id && holdsCourseSeat(e.state))
        .map((e) => e._id)
        .sort();
    if (inSync(seen, holdersIn(enrolments))) continue;
    const changed = await deps.locks.run(tvtoCollections.courses, seen._id, async () => {
      const course = await models.courses.findById(seen._id, { seatHolders: 1, seats: 1 }).lean();
      if (!course) return false;
      const holders = holdersIn(
        await readAll(models.enrolments.find({ courseId: seen._id }, { courseId: 1, state: 1 }).lean(), caps.perPerson),
      );
      if (inSync(course, holders)) return false;
      await models.courses.updateOne({ _id: course._id }, { $set: { seatHolders: holders, seats: holders.length } });
      return true;
    });
    if (changed) repaired++;
  }
  return repaired;
}
