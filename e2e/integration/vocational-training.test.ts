import { today as day } from '@hamgam/contracts/days';
import { describe, expect, it } from 'vitest';
import { call, catalogueEntry, eventually } from '../support/stack.js';
import { nationalId } from '../support/people.js';
import { tag } from '../support/people.js';

// TVTO's own domain against the running stack (real tokens, broker, database): a course published as a
// desk offer reaches the clinics' catalogue; a resident the clinic refers is enrolled, attends and passes,
// and the clinic's referral closes through the broker; a workshop permit is applied for, checked,
// inspected and issued, and the applicant follows it on the public tracking route without signing in.

async function referredResident(offerId: string): Promise<{ referralId: string; trackingCode: string }> {
  const household = await call('clinics', '/api/v1/households', {
    as: 'clinic.worker',
    body: { clinicId: 'clinic-sarasiab', fileNumber: `IT-VT-${tag()}` },
  });
  expect(household.status).toBe(201);
  const resident = await call('clinics', `/api/v1/households/${household.body.id}/residents`, {
    as: 'clinic.worker',
    body: { nationalId: nationalId(), fullName: 'مریم احمدی', phone: '09131234567', relation: 'head', birthYear: 1370 },
  });
  expect(resident.status).toBe(201);
  const consent = await call('clinics', `/api/v1/residents/${resident.body.id}/consents`, {
    as: 'clinic.worker',
    body: { purpose: 'referral', agency: 'vocational-training', expiresOn: day(365) },
  });
  expect(consent.status).toBe(201);
  const made = await call('clinics', '/api/v1/referrals', {
    as: 'clinic.worker',
    body: { residentId: resident.body.id, offerId, needCategory: 'skills-training' },
  });
  expect(made.status).toBe(201);
  return { referralId: made.body.id, trackingCode: made.body.trackingCode };
}

const course = (courseId: string) => ({
  courseId,
  title: { fa: 'دوره خیاطی خانگی (آزمون)', en: 'Home tailoring (integration)' },
  trade: 'tailoring',
  level: 'beginner',
  hours: 20,
  sessions: 5,
  venue: { kind: 'private-institute', id: 'inst-negin' },
  venueName: { fa: 'آموزشگاه آزاد نگین', en: 'Negin private institute' },
  schedule: { fa: 'شنبه‌ها ۹ تا ۱۲', en: 'Saturdays 9–12' },
  startsOn: day(1),
  endsOn: day(40),
  capacity: 3,
  eligibility: { fa: 'ساکنان ۱۸ سال به بالا', en: 'Residents aged 18+' },
  neighbourhoodIds: ['nbh-sarasiab'],
});

describe('courses: from a clinic referral to a certificate, the loop closes at the clinic', () => {
  it('publishes the course to the clinics, enrols the referred resident, takes attendance, passes them and completes the referral', async () => {
    const courseId = `tvto-it-course-${tag()}`;
    const created = await call('vocational-training', '/api/v1/courses', { as: 'tvto.staff', body: course(courseId) });
    expect(created.status).toBe(201);
    await eventually(() => catalogueEntry(courseId, 'vocational-training'), 20_000, `course ${courseId} in the clinics' catalogue`);

    const { referralId } = await referredResident(courseId);
    await eventually(
      async () => {
        const res = await call('vocational-training', '/api/v1/desk/referrals?state=received', { as: 'tvto.staff' });
        return res.body.find((r: { referralId: string }) => r.referralId === referralId);
      },
      20_000,
      `referral ${referralId} at the TVTO desk`,
    );
    expect(
      (await call('vocational-training', `/api/v1/courses/${courseId}/enrolments`, { as: 'tvto.staff', body: { referralId } })).status,
    ).toBe(409);
    expect(
      (
        await call('vocational-training', `/api/v1/desk/referrals/${referralId}/accept`, {
          as: 'tvto.staff',
          body: { completeBy: day(45) },
        })
      ).status,
    ).toBe(200);

    const enrolled = await call('vocational-training', `/api/v1/courses/${courseId}/enrolments`, {
      as: 'tvto.staff',
      body: { referralId },
    });
    expect(enrolled.status).toBe(201);
    const enrolmentId = enrolled.body.enrolmentId;
    for (const session of [1, 2, 3, 4, 5]) {
      const present = session === 3 ? [] : [enrolmentId];
      const sheet = await call('vocational-training', `/api/v1/courses/${courseId}/sessions/${session}/attendance`, {
        as: 'tvto.staff',
        method: 'PUT',
        body: { present },
      });
      expect(sheet.status).toBe(200);
    }
    const passed = await call('vocational-training', `/api/v1/enrolments/${enrolmentId}/complete`, {
      as: 'tvto.staff',
      body: { result: 'passed' },
    });
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({ state: 'completed', result: 'passed', attendanceRate: 0.8 });
    expect(passed.body.certificateNo).toMatch(/^TVTO-14\d\d-[A-Z0-9]{8}$/);

    const atClinic = await eventually(
      async () => {
        const res = await call('clinics', `/api/v1/referrals/${referralId}`, { as: 'clinic.worker' });
        return res.body?.state === 'completed' ? res.body : undefined;
      },
      20_000,
      `referral ${referralId} completed at the clinic`,
    );
    expect(atClinic).toMatchObject({ state: 'completed' });
    const certificates = await call('vocational-training', '/api/v1/certificates', { as: 'auditor' });
    expect(certificates.body.map((c: { certificateNo: string }) => c.certificateNo)).toContain(passed.body.certificateNo);
  });

  it('refuses other agencies, clinic workers and anonymous callers', async () => {
    const courseId = `tvto-it-refused-${tag()}`;
    expect((await call('vocational-training', '/api/v1/courses', { as: 'welfare.officer', body: course(courseId) })).status).toBe(403);
    expect((await call('vocational-training', '/api/v1/courses', { as: 'coordinator', body: course(courseId) })).status).toBe(403);
    expect((await call('vocational-training', '/api/v1/courses', { body: course(courseId) })).status).toBe(401);
    expect((await call('vocational-training', '/api/v1/courses', { as: 'clinic.worker' })).status).toBe(403);
    expect((await call('vocational-training', '/api/v1/courses', { as: 'coordinator' })).status).toBe(200);
    expect((await call('vocational-training', `/api/v1/courses/${courseId}`, { as: 'tvto.staff' })).status).toBe(404);
  });
});

describe('workshop permits: the applicant follows the application without signing in', () => {
  it('applies, completes the checklist, inspects and issues the permit; the public route shows each step and nothing personal', async () => {
    const applied = await call('vocational-training', '/api/v1/permits', {
      as: 'tvto.staff',
      body: {
        residentRef: null,
        applicantName: 'حسن مرادی',
        trade: 'carpentry',
        neighbourhoodId: 'nbh-fajr',
        address: 'فجر، کوچه ۹، پلاک ۴',
      },
    });
    expect(applied.status).toBe(201);
    const { permitId, trackingCode } = applied.body;
    const publicView = async () => (await call('vocational-training', `/api/v1/permits/tracking/${trackingCode}`)).body;
    expect(await publicView()).toMatchObject({ code: trackingCode, status: 'submitted' });

    for (const item of ['id-copy', 'skill-certificate', 'lease-or-ownership', 'safety']) {
      expect(
        (
          await call('vocational-training', `/api/v1/permits/${permitId}/checklist`, {
            as: 'tvto.staff',
            method: 'PUT',
            body: { item, received: true },
          })
        ).status,
      ).toBe(200);
    }
    expect((await publicView()).status).toBe('documents-complete');
    const inspected = await call('vocational-training', `/api/v1/permits/${permitId}/inspection`, {
      as: 'tvto.staff',
      body: { date: day(0), inspector: 'مهندس احمدی', findings: 'ایمنی و تهویه مناسب است', passed: true },
    });
    expect(inspected.status).toBe(200);
    const issued = await call('vocational-training', `/api/v1/permits/${permitId}/decision`, {
      as: 'tvto.staff',
      body: { decision: 'approved', reason: 'همه شرایط فراهم است' },
    });
    expect(issued.status).toBe(200);
    expect(issued.body.permitNo).toMatch(/^WP-\d{4}-[A-Z0-9]{8}$/);

    const view = await publicView();
    expect(view).toMatchObject({ status: 'approved', statusLabel: { en: 'Permit issued' } });
    expect(JSON.stringify(view)).not.toMatch(/مرادی|کوچه/);
    expect((await call('vocational-training', `/api/v1/permits/${permitId}`, { as: 'coordinator' })).body.applicantName).toBeNull();
    expect(
      (
        await call('vocational-training', `/api/v1/permits/${permitId}/decision`, {
          as: 'relief.officer',
          body: { decision: 'rejected', reason: 'x' },
        })
      ).status,
    ).toBe(403);
  });
});
