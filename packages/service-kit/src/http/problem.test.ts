import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BrokenRuleError, IllegalStepError, NotFoundError } from '../errors/domain-errors.js';
import { conflict, forbidden, toProblem } from './problem.js';

describe('toProblem', () => {
  it('keeps the status, title and detail of an HttpProblem', () => {
    expect(toProblem(forbidden('clinic B is outside your scope'), '/x')).toEqual({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'clinic B is outside your scope',
      instance: '/x',
    });
    expect(toProblem(conflict('already published')).status).toBe(409);
  });

  it('turns a zod error into a 400 listing each bad field', () => {
    const result = z
      .object({ period: z.string().length(4), needs: z.array(z.string()).min(1) })
      .strict()
      .safeParse({ period: '14', needs: [], extra: 1 });
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

  it("answers a domain error with its kind's status and its stable code (and the field at fault)", () => {
    expect(toProblem(new BrokenRuleError('meeting-in-future', 'a meeting cannot be held before its date', 'heldOn'), '/m')).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'a meeting cannot be held before its date',
      instance: '/m',
      code: 'meeting-in-future',
      field: 'heldOn',
    });
    expect(toProblem(new IllegalStepError('tranche-not-approved', 'only an approved tranche is paid'))).toMatchObject({
      status: 409,
      title: 'Conflict',
      code: 'tranche-not-approved',
    });
    expect(toProblem(new NotFoundError('case-not-found', 'no such case'))).toMatchObject({ status: 404, code: 'case-not-found' });
    expect(toProblem(new NotFoundError('case-not-found', 'no such case'))).not.toHaveProperty('field');
  });
});
