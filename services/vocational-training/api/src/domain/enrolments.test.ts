import { describe, expect, it } from 'vitest';
import {
  attendanceRate,
  certificateNumberOf,
  completeEnrolment,
  completionResults,
  enrolmentStates,
  holdsCourseSeat,
  markAttendance,
  meetsAttendance,
  referralOutcomeOf,
  type EnrolmentState,
} from './enrolments.js';
import { StepNotAllowedError } from './transitions.js';

const enrolled = (attended: number[] = []) => ({ state: 'enrolled' as const, attended });

describe('attendance', () => {
  it('is the share of sessions held, capped at 1, and 0 before any session', () => {
    expect(attendanceRate(8, 10)).toBe(0.8);
    expect(attendanceRate(3, 0)).toBe(0);
    expect(attendanceRate(12, 10)).toBe(1);
  });

  it('passes the threshold at exactly 80 % and not below', () => {
    expect(meetsAttendance(8, 10)).toBe(true);
    expect(meetsAttendance(4, 5)).toBe(true);
    expect(meetsAttendance(7, 10)).toBe(false);
    expect(meetsAttendance(0, 0)).toBe(false);
  });

  it('marks and unmarks a session idempotently, in order', () => {
    expect(markAttendance(enrolled([3]), 1, true, 10)).toEqual([1, 3]);
    expect(markAttendance(enrolled([1, 3]), 1, true, 10)).toBeNull();
    expect(markAttendance(enrolled([1, 3]), 3, false, 10)).toEqual([1]);
    expect(markAttendance(enrolled([1]), 2, false, 10)).toBeNull();
  });

  it('refuses sessions outside the course and attendance once the enrolment ended', () => {
    expect(() => markAttendance(enrolled(), 0, true, 10)).toThrow(
      expect.objectContaining({ status: 422, code: 'session-out-of-range', field: 'session' }),
    );
    expect(() => markAttendance(enrolled(), 11, true, 10)).toThrow(
      expect.objectContaining({ status: 422, code: 'session-out-of-range', field: 'session' }),
    );
    expect(() => markAttendance(enrolled(), 1.5, true, 10)).toThrow(
      expect.objectContaining({ status: 422, code: 'session-out-of-range', field: 'session' }),
    );
    expect(() => markAttendance({ state: 'completed', attended: [] }, 1, true, 10)).toThrow(
      expect.objectContaining({ status: 409, code: 'enrolment-ended' }),
    );
    expect(() => markAttendance({ state: 'dropped-out', attended: [] }, 1, true, 10)).toThrow(
      expect.objectContaining({ status: 409, code: 'enrolment-ended' }),
    );
  });
});

describe('enrolment state machine: enrolled → completed(passed|failed) | dropped-out', () => {
  const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];

  it('passes with enough attendance and gets the certificate number', () => {
    expect(completeEnrolment(enrolled(nine), 'passed', 10, 'TVTO-X-1')).toEqual({
      state: 'completed',
      result: 'passed',
      certificateNo: 'TVTO-X-1',
    });
  });

  it('refuses a pass below the threshold, but lets it fail or drop out', () => {
    expect(() => completeEnrolment(enrolled([1, 2, 3]), 'passed', 10, 'C')).toThrow(
      expect.objectContaining({
        status: 422,
        code: 'attendance-below-pass-mark',
        field: 'result',
        message: expect.stringContaining('80 % attendance'),
      }),
    );
    expect(completeEnrolment(enrolled([1, 2, 3]), 'failed', 10, 'C')).toEqual({
      state: 'completed',
      result: 'failed',
      certificateNo: null,
    });
    expect(completeEnrolment(enrolled([]), 'dropped-out', 10, 'C')).toEqual({
      state: 'dropped-out',
      result: 'dropped-out',
      certificateNo: null,
    });
  });

  it('allows exactly these steps from every state (exhaustive)', () => {
    const expected: Record<EnrolmentState, string[]> = { enrolled: ['passed', 'failed', 'dropped-out'], completed: [], 'dropped-out': [] };
    for (const state of enrolmentStates) {
      const ok = completionResults.filter((result) => {
        try {
          completeEnrolment({ state, attended: nine }, result, 10, 'C');
          return true;
        } catch (error) {
          expect(error).toBeInstanceOf(StepNotAllowedError);
          expect(error).toMatchObject({ status: 409, code: 'enrolment-ended' });
          return false;
        }
      });
      expect(ok, state).toEqual(expected[state]);
    }
  });

  it('tells the clinic achieved only for a pass, and frees the seat only for a drop-out', () => {
    expect(completionResults.map(referralOutcomeOf)).toEqual(['achieved', 'not-achieved', 'not-achieved']);
    expect(enrolmentStates.map(holdsCourseSeat)).toEqual([true, true, false]);
  });

  it('numbers certificates in the contract pattern, one per enrolment', () => {
    const a = certificateNumberOf('1405', '0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(a).toBe('TVTO-1405-0F8FAD5B');
    expect(a).toMatch(/^[A-Z0-9-]{4,32}$/);
    expect(certificateNumberOf('1405', '1f8fad5b-d9cb-469f-a165-70867728950e')).not.toBe(a);
  });
});
