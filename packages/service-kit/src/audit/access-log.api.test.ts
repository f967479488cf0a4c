import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import type { ServiceDefinition } from '../service.js';
import { startTestService, testCallers, type TestCaller, type TestService } from '../testing/index.js';
import { accessLogModel, AppendOnlyError, logAccess, type StoredAccessEntry } from './access-log.js';
import { accessLogRangeInvalid, accessLogRoutes, kitAccessLog } from './access-log-routes.js';

type Models = { accessLog: ReturnType<typeof accessLogModel> };
const definition: ServiceDefinition<Models> = {
  name: 'audit-kit',
  roles: ['auditor'],
  models: (connection) => ({ accessLog: accessLogModel(connection) }),
  routes: ({ models }) => accessLogRoutes('audit-kit', kitAccessLog(models.accessLog)),
};

const officer: Principal = {
  subject: 'u-welfare',
  username: 'welfare.officer',
  roles: ['welfare-officer'],
  clinicIds: [],
  neighbourhoodIds: [],
};
const other: Principal = { subject: 'u-welfare2', username: '=cmd|evil', roles: ['welfare-officer'], clinicIds: [], neighbourhoodIds: [] };
const read = (principal: Principal, subjects: (string | null)[], at: string) => ({
  principal,
  action: 'read' as const,
  record: { kind: 'case', id: 'case-1' },
  subjects,
  purpose: { value: 'referral', source: 'consent' as const },
  at: new Date(at),
});

let service: TestService<Models>;
beforeAll(async () => {
  service = await startTestService(definition);
  const log = service.models.accessLog;
  // Tehran is UTC+03:30: 20:29Z is still 2025-03-20 there, 20:31Z is already 2025-03-21.
  await logAccess(log, 'audit-kit', [
    read(officer, ['hh-1', 'res-1', 'hh-1', null], '2025-03-20T20:29:00Z'),
    read(officer, ['hh-2'], '2025-03-20T20:31:00Z'),
    read(other, ['hh-1'], '2025-03-22T08:00:00Z'),
  ]);
});
afterAll(() => service?.close());

describe('the access log model', () => {
  it('writes one entry per distinct person with who, what, when and why', async () => {
    const entries = await service.models.accessLog.find({ recordId: 'case-1' }).sort({ at: 1, subject: 1 }).limit(10).lean();
    expect(entries.map((e) => [e.subject, e.actor, e.at.toISOString()])).toEqual([
      ['hh-1', 'welfare.officer', '2025-03-20T20:29:00.000Z'],
      ['res-1', 'welfare.officer', '2025-03-20T20:29:00.000Z'],
      ['hh-2', 'welfare.officer', '2025-03-20T20:31:00.000Z'],
      ['hh-1', '=cmd|evil', '2025-03-22T08:00:00.000Z'],
    ]);
    expect(entries[0]).toMatchObject({
      agency: 'audit-kit',
      actorId: 'u-welfare',
      actorRoles: ['welfare-officer'],
      action: 'read',
      recordKind: 'case',
      purpose: 'referral',
      purposeSource: 'consent',
    });
  });

  it('is append-only: every update and delete through the model is refused and nothing changes', async () => {
    const log = service.models.accessLog;
    const attempts: (() => Promise<unknown>)[] = [
      () => log.updateOne({ subject: 'hh-1' }, { $set: { actor: 'someone-else' } }),
      () => log.updateMany({}, { $set: { purpose: 'none' } }),
      () => log.findOneAndUpdate({ subject: 'hh-1' }, { $set: { actor: 'x' } }),
      () => log.replaceOne({ subject: 'hh-1' }, { subject: 'hh-9' }),
      () => log.deleteOne({ subject: 'hh-1' }),
      () => log.deleteMany({}),
      () => log.findOneAndDelete({ subject: 'hh-1' }),
      () => log.bulkWrite([{ deleteMany: { filter: {} } }]),
      async () => {
        const doc = await log.findOne({ subject: 'res-1' });
        doc!.actor = 'rewritten';
        return doc!.save();
      },
      async () => (await log.findOne({ subject: 'res-1' }))!.deleteOne(),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(AppendOnlyError);
    expect(await log.countDocuments({})).toBe(4);
    expect(await log.countDocuments({ actor: 'welfare.officer' })).toBe(3);
  });

  it('has the indexes the auditor’s filters use', async () => {
    const keys = (await service.models.accessLog.listIndexes()).map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        { subject: 1, at: -1 },
        { actor: 1, at: -1 },
        { at: -1, _id: -1 },
      ]),
    );
  });
});

describe('GET /access-log', () => {
  it('answers auditors only', async () => {
    expect((await service.api().get('/access-log')).status).toBe(401);
    for (const caller of Object.keys(testCallers).filter((c) => c !== 'auditor') as TestCaller[]) {
      expect([caller, (await service.api(caller).get('/access-log')).status]).toEqual([caller, 403]);
      expect([caller, (await service.api(caller).get('/access-log/export')).status]).toEqual([caller, 403]);
    }
    expect((await service.api('auditor').get('/access-log')).status).toBe(200);
  });

  it('filters by person, user and Tehran days (both inclusive), newest first', async () => {
    const subjects = async (query: string) =>
      ((await service.api('auditor').get(`/access-log?${query}`)).body as StoredAccessEntry[]).map((e) => `${e.subject}@${e.actor}`);
    expect(await subjects('person=hh-1')).toEqual(['hh-1@=cmd|evil', 'hh-1@welfare.officer']);
    expect(await subjects('user=welfare.officer&person=hh-1')).toEqual(['hh-1@welfare.officer']);
    expect((await subjects('to=2025-03-20')).sort()).toEqual(['hh-1@welfare.officer', 'res-1@welfare.officer']);
    expect(await subjects('from=2025-03-21&to=2025-03-21')).toEqual(['hh-2@welfare.officer']);
    expect(await subjects('from=2025-03-22')).toEqual(['hh-1@=cmd|evil']);
  });

  it('pages with the kit’s keyset cursor', async () => {
    const first = await service.api('auditor').get('/access-log?limit=3');
    expect(first.body).toHaveLength(3);
    const next = first.headers['x-next-cursor'];
    expect(next).toBeTruthy();
    const second = await service.api('auditor').get(`/access-log?limit=3&after=${next}`);
    expect(second.body).toHaveLength(1);
    expect(second.headers['x-next-cursor']).toBeUndefined();
    const ids = [...first.body, ...second.body].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('refuses bad filters with a problem and a stable code', async () => {
    const reversed = await service.api('auditor').get('/access-log?from=2025-03-22&to=2025-03-20');
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe(accessLogRangeInvalid);
    expect((await service.api('auditor').get('/access-log?from=1404-13-01x')).status).toBe(400);
    expect((await service.api('auditor').get('/access-log?person[$ne]=x')).status).toBe(400);
    expect((await service.api('auditor').get('/access-log?limit=101')).status).toBe(400);
  });

  it('exports the filtered log as CSV with a BOM, formula-like cells defused', async () => {
    const res = await service.api('auditor').get('/access-log/export?person=hh-1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('access-log-audit-kit.csv');
    const text = res.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('at,agency,actor,actorRoles,action,recordKind,recordId,subject,purpose,purposeSource');
    expect(lines.slice(1)).toEqual([
      "2025-03-22T08:00:00.000Z,audit-kit,'=cmd|evil,welfare-officer,read,case,case-1,hh-1,referral,consent",
      '2025-03-20T20:29:00.000Z,audit-kit,welfare.officer,welfare-officer,read,case,case-1,hh-1,referral,consent',
    ]);
  });
});
