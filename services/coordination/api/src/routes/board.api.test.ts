import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoordination } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startCoordination>>;

beforeAll(async () => {
  t = await startCoordination();
  await t.actionItem('nbh-sarasiab');
}, 30_000);
afterAll(() => t?.service.close());

describe('the board', () => {
  it('lists the neighbourhoods the caller may read, every one of the hierarchy', async () => {
    const { get } = t;
    const all = (await get('/neighbourhoods', 'coordinator')).body as { id: string; hasPriorities: boolean }[];
    expect(all.map((n) => [n.id, n.hasPriorities])).toEqual([
      ['nbh-sarasiab', true],
      ['nbh-motahari', true],
      ['nbh-amiralmomenin', false],
      ['nbh-fajr', false],
    ]);
    expect((await get('/neighbourhoods', 'representative')).body.map((n: { id: string }) => n.id)).toEqual(['nbh-sarasiab']);
    expect((await get('/neighbourhoods', 'tvto')).body).toHaveLength(4);
    expect((await get('/neighbourhoods', 'worker')).status).toBe(403);
  });

  it('lets agencies’ staff, coordinators and auditors read every board, a representative only their own', async () => {
    const { get } = t;
    expect((await get('/neighbourhoods/nbh-sarasiab/board')).status).toBe(401);
    for (const reader of ['tvto', 'coordinator', 'auditor'] as const)
      expect((await get('/neighbourhoods/nbh-motahari/board', reader)).status, reader).toBe(200);
    expect((await get('/neighbourhoods/nbh-sarasiab/board', 'worker')).status).toBe(403);
    expect((await get('/neighbourhoods/nbh-motahari/board', 'representative')).status).toBe(403);
    expect((await get('/neighbourhoods/nbh-motahari/board/export?format=csv', 'representative')).status).toBe(403);
    expect((await get('/neighbourhoods/nbh-sarasiab/board', 'representative')).status).toBe(200);
    expect((await get('/neighbourhoods/nbh-sarasiab/board/export?format=pdf', 'coordinator')).status).toBe(400);
  });

  it('sends the board as XLSX with a filename, readable by exceljs, headers in English', async () => {
    const res = await request(t.service.app)
      .get('/api/v1/neighbourhoods/nbh-sarasiab/board/export?format=xlsx&lang=en')
      .set('Authorization', `Bearer ${await t.service.token('coordinator')}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="board-nbh-sarasiab.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const coverage = workbook.getWorksheet('Coverage')!;
    expect(coverage.getCell('A1').value).toBe('Rank');
    expect(coverage.getCell('B2').value).toBe('Workshop permit and space');
  });
});
