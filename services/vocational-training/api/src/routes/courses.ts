import { caps, defineRoute, inList, notFound, pageOf, pageQuerySchema, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { createCourse, enrol, finishEnrolment, takeAttendance } from '../app/courses.js';
import { courseVenues } from '../app/venues.js';
import { marksOf, residentMarks, type ResidentMarks } from '../app/refs.js';
import type { StoredCourse } from '../data/courses.js';
import type { StoredEnrolment } from '../data/enrolments.js';
import { attendanceRate } from '../domain/enrolments.js';
import { agency, readers, staff, type VtDeps } from '../deps.js';
import {
  attendanceBodySchema,
  attendanceParams,
  attendanceViewSchema,
  certificateViewSchema,
  completeBodySchema,
  courseDetailSchema,
  courseParams,
  courseQuerySchema,
  courseViewSchema,
  enrolBodySchema,
  enrolmentParams,
  enrolmentViewSchema,
  newCourseSchema,
  venueViewSchema,
} from './schemas.js';

/** A course as staff see it; its capacity is its catalogue entry's when there is one (staff change it there). */
const courseView = ({ _id, seatHolders: _h, seats, createdAt: _c, createdBy: _b, ...course }: StoredCourse, offerCapacity?: number) => {
  const capacity = offerCapacity ?? course.capacity;
  return { ...course, courseId: _id, capacity, enrolled: seats, available: Math.max(0, capacity - seats) };
};

/** An enrolment as staff see it; `unverified` and `referralCode` from residentMarks (its resident no clinic referred to TVTO; the referral's code that names them). */
export const enrolmentView = (e: Omit<StoredEnrolment, 'outbox'>, sessionsHeld: number, marks: ResidentMarks) => ({
  ...e,
  enrolmentId: e._id,
  ...marksOf(marks, e._id),
  attendanceRate: attendanceRate(e.attended.length, sessionsHeld),
});

/** Text as typed, matched anywhere, case-insensitively (its special characters escaped: a title, not a pattern). */
const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

export function courseRoutes(deps: VtDeps) {
  const { courses, enrolments, offers } = deps.models;
  /** The catalogue capacity of these courses (a course's offer has its id). */
  const capacities = async (ids: readonly string[]) =>
    new Map((await readAll(offers.find({ _id: inList(ids) }, { capacity: 1 }).lean(), ids.length)).map((o) => [o._id, o.capacity]));
  return [
    defineRoute({
      method: 'get',
      path: '/courses',
      summary:
        'Courses (business skills, home-based jobs) with their places taken and free, by start day (soonest or latest first); found by words of the title (fa or en), filtered by trade and kind of venue; paged',
      tags: ['courses'],
      roles: readers,
      query: courseQuerySchema,
      response: z.array(courseViewSchema),
      handler: async ({ query, req }, res) => {
        const find = courses.find({
          ...(query.trade ? { trade: query.trade } : {}),
          ...(query.venueKind ? { 'venue.kind': query.venueKind } : {}),
        });
        if (query.q) find.or([{ 'title.fa': containing(query.q) }, { 'title.en': containing(query.q) }]);
        const rows = await pageOf(find.lean(), { query, req }, res, { by: 'startsOn', order: query.order === 'asc' ? 1 : -1 });
        const capacity = await capacities(rows.map((c) => c._id));
        return rows.map((c) => courseView(c, capacity.get(c._id)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/venues',
      summary: 'Where a course can be held, by name (fa/en): the clinics, TVTO’s centres and the private institutes TVTO’s courses name',
      tags: ['courses'],
      roles: readers,
      response: z.array(venueViewSchema),
      handler: () => courseVenues(deps),
    }),
    defineRoute({
      method: 'post',
      path: '/courses',
      summary:
        'Create a course; it is also published in the service catalogue as an offer of kind course (same id: TVTO’s prefix tvto-, made from the title when left out; another prefix is 422 offer-id-not-own, an end before the start 422 course-ends-before-start)',
      tags: ['courses'],
      roles: staff,
      body: newCourseSchema,
      response: courseViewSchema,
      status: 201,
      handler: async ({ body, cause }) => courseView(await createCourse(deps, body, cause)),
    }),
    defineRoute({
      method: 'get',
      path: '/courses/:courseId',
      summary: 'One course with its enrolments and their attendance',
      tags: ['courses'],
      roles: readers,
      params: courseParams,
      response: courseDetailSchema,
      handler: async ({ params }) => {
        const course = await courses.findById(params.courseId).lean();
        if (!course) throw notFound(`no course ${params.courseId}`);
        // A course's enrolments (its seats, and who dropped out): bounded.
        const rows = await readAll(
          enrolments.find({ courseId: params.courseId }, { outbox: 0 }).sort({ enrolledAt: 1 }).lean(),
          caps.perPerson,
        );
        const [offer, marks] = await Promise.all([offers.findById(params.courseId, { capacity: 1 }).lean(), residentMarks(deps, rows)]);
        return { ...courseView(course, offer?.capacity), enrolments: rows.map((e) => enrolmentView(e, course.sessionsHeld, marks)) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/courses/:courseId/enrolments',
      summary: `Enrol a resident: from an accepted referral for this course, or directly (a walk-in gets an opaque id; a resident ref no clinic referral named is kept, marked unverified); publishes ${agency}.enrolment.recorded.v1`,
      tags: ['courses'],
      roles: staff,
      params: courseParams,
      body: enrolBodySchema,
      response: enrolmentViewSchema,
      status: 201,
      handler: async ({ params, body, cause }) => {
        const enrolment = await enrol(deps, params.courseId, body, cause);
        return enrolmentView(enrolment, 0, await residentMarks(deps, [enrolment]));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/courses/:courseId/sessions/:session/attendance',
      summary: 'The attendance sheet of one session: the enrolments present (every other enrolled resident is absent)',
      tags: ['courses'],
      roles: staff,
      params: attendanceParams,
      body: attendanceBodySchema,
      response: attendanceViewSchema,
      handler: async ({ params, body }) => takeAttendance(deps, params.courseId, params.session, body.present),
    }),
    defineRoute({
      method: 'post',
      path: '/enrolments/:enrolmentId/complete',
      summary: `End an enrolment: passed (needs 80 % attendance; certificate number), failed or dropped-out; publishes ${agency}.enrolment.completed.v1 and completes the referral it answered`,
      tags: ['courses'],
      roles: staff,
      params: enrolmentParams,
      body: completeBodySchema,
      response: enrolmentViewSchema,
      handler: async ({ params, body, cause }) => {
        const done = await finishEnrolment(deps, params.enrolmentId, body.result, cause);
        const [course, marks] = await Promise.all([
          courses.findById(done.courseId, { sessionsHeld: 1 }).lean(),
          residentMarks(deps, [done]),
        ]);
        return enrolmentView(done, course?.sessionsHeld ?? 0, marks);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/certificates',
      summary: 'Certificates issued: enrolments that passed, newest first; paged',
      tags: ['courses'],
      roles: readers,
      query: pageQuerySchema,
      response: z.array(certificateViewSchema),
      handler: async ({ query, req }, res) => {
        const rows = await pageOf(enrolments.find({ result: 'passed' }, { outbox: 0 }).lean(), { query, req }, res, {
          by: 'completedAt',
          order: -1,
        });
        const courseIds = [...new Set(rows.map((e) => e.courseId))];
        const titles = await readAll(courses.find({ _id: inList(courseIds) }, { title: 1 }).lean(), courseIds.length);
        const byId = new Map(titles.map((c) => [c._id, c.title]));
        return rows.map((e) => ({
          ...e,
          enrolmentId: e._id,
          certificateNo: e.certificateNo!,
          completedAt: e.completedAt!,
          courseTitle: byId.get(e.courseId) ?? null,
        }));
      },
    }),
  ];
}
