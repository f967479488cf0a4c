import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conflict, forbidden, toProblem } from './problem.js';

describe('toProblem', () => {
  it('keeps the status, title and detail of an HttpProblem', () => {
    expect(toProblem(forbidden('clinic B is outside your scope'), '/x')).toEqual({
      type: 'about:blank', title: 'Forbidden', status: 403, detail: 'clinic B is outside your scope', instance: '/x',
    });
    expect(toProblem(conflict('already published')).status).toBe(409);
  });

  it('turns a zod error into a 400 listing each bad field', () => {
    const result = z.object({ period: z.string().length(4), needs: z.array(z.string()).min(1) }).strict().safeParse({ period: '14', needs: [], extra: 1 });
    const problem = toProblem(result.error);
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'period' }),
        expect.objectContaining({ path: 'needs' }),
        expect.objectContaining({ message: expect.stringContaining('extra') }),
      ]),
    );
  });

  it('passes through client errors from body parsing but hides internal errors', () => {
    const malformed = Object.assign(new SyntaxError('Unexpected token } in JSON'), { status: 400 });
    expect(toProblem(malformed)).toMatchObject({ status: 400, detail: 'Unexpected token } in JSON' });
    const internal = toProblem(new Error('connection string mongodb://secret'));
    expect(internal).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, instance: undefined });
  });
});
