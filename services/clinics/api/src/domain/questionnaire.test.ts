import { needCategories } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import { checkDraft, checkSubmission, draftProblems, questionnaire, submissionProblems } from './questionnaire.js';

describe('needs questionnaire', () => {
  it('asks at least one question per need category, each id once', () => {
    expect(questionnaire.map((c) => c.category)).toEqual([...needCategories]);
    for (const c of questionnaire) expect(c.questions.length).toBeGreaterThan(0);
    const ids = questionnaire.flatMap((c) => c.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lets a draft be incomplete but not wrong', () => {
    expect(draftProblems({ needs: [], answers: {} })).toEqual([]);
    expect(draftProblems({ needs: [], answers: { 'employment.working': true } })).toEqual([]);
    expect(draftProblems({ needs: [], answers: { 'employment.working': 'yes' } })).toEqual(['employment.working: yes or no']);
    expect(draftProblems({ needs: [], answers: { 'employment.job-seekers': 21 } })[0]).toMatch(/0 to 20/);
    expect(draftProblems({ needs: [], answers: { 'skills.wanted-course': 'juggling' } })[0]).toMatch(/tailoring/);
    expect(draftProblems({ needs: [], answers: { 'nope.question': true } })).toEqual(['nope.question: no such question']);
    expect(
      draftProblems({
        needs: [
          { category: 'employment', severity: 2 },
          { category: 'employment', severity: 3 },
        ],
        answers: {},
      }),
    ).toEqual(['employment: each category once']);
  });

  it('submits only when every question of each assessed category is answered', () => {
    const needs = [{ category: 'employment' as const, severity: 4 }];
    expect(submissionProblems({ needs, answers: { 'employment.working': false } })).toEqual(['employment.job-seekers: not answered']);
    expect(submissionProblems({ needs, answers: { 'employment.working': false, 'employment.job-seekers': 2 } })).toEqual([]);
    expect(submissionProblems({ needs: [], answers: {} })).toEqual(['at least one need with a severity']);
    expect(
      submissionProblems({ needs, answers: { 'employment.working': false, 'employment.job-seekers': 2, 'housing.unsafe': true } }),
    ).toEqual(['housing.unsafe: answers a category without a severity']);
  });
});

describe('refusing a draft or a submission', () => {
  it('is a broken rule naming the first problem’s question, or the needs when none is assessed', () => {
    expect(() => checkDraft({ needs: [], answers: {} })).not.toThrow();
    expect(() => checkDraft({ needs: [], answers: { 'no.such': true } })).toThrow(
      expect.objectContaining({ status: 422, code: 'assessment-draft-invalid', field: 'no.such' }),
    );
    expect(() => checkSubmission({ needs: [], answers: {} })).toThrow(
      expect.objectContaining({ status: 422, code: 'assessment-incomplete', field: 'needs' }),
    );
  });
});
