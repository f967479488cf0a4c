import { needCategories, type LocalizedName, type NeedCategory } from '@hamgam/contracts';
import { BrokenRuleError } from '@hamgam/service-kit/errors';
import type { AssessedNeed } from './ranking.js';

/** One question a social worker asks about a need category, besides its severity. */
export interface Question {
  id: string;
  category: NeedCategory;
  kind: 'yes-no' | 'count' | 'choice';
  label: LocalizedName;
  /** For `choice`. */
  options?: { id: string; label: LocalizedName }[];
  /** For `count`: 0..max. */
  max?: number;
}

export type Answer = boolean | number | string;
export type Answers = Record<string, Answer>;

const yesNo = (id: string, category: NeedCategory, fa: string, en: string): Question => ({
  id,
  category,
  kind: 'yes-no',
  label: { fa, en },
});

/** The structured questionnaire: per need category a severity (1–5) and these few questions. */
export const questions: readonly Question[] = [
  yesNo('employment.working', 'employment', 'آیا سرپرست خانوار هم‌اکنون شاغل است؟', 'Is the head of household working now?'),
  {
    id: 'employment.job-seekers',
    category: 'employment',
    kind: 'count',
    max: 20,
    label: { fa: 'چند نفر از اعضای خانوار جویای کارند؟', en: 'How many members are looking for work?' },
  },
  yesNo('skills.has-trade', 'skills-training', 'آیا عضوی از خانوار مهارت فنی یا حرفه‌ای دارد؟', 'Does a member have a trade or skill?'),
  {
    id: 'skills.wanted-course',
    category: 'skills-training',
    kind: 'choice',
    label: { fa: 'چه آموزشی می‌خواهند؟', en: 'Which training do they want?' },
    options: [
      { id: 'tailoring', label: { fa: 'خیاطی', en: 'Tailoring' } },
      { id: 'pastry', label: { fa: 'شیرینی‌پزی', en: 'Pastry-making' } },
      { id: 'carpentry', label: { fa: 'نجاری', en: 'Carpentry' } },
      { id: 'handicrafts', label: { fa: 'صنایع دستی', en: 'Handicrafts' } },
      { id: 'computer', label: { fa: 'رایانه', en: 'Computer skills' } },
      { id: 'other', label: { fa: 'سایر', en: 'Other' } },
    ],
  },
  yesNo('workshop.has-space', 'workshop-space', 'آیا فضایی برای کارگاه خانگی دارند؟', 'Do they have a space for a home workshop?'),
  yesNo('workshop.needs-permit', 'workshop-space', 'آیا برای کارگاه به مجوز نیاز دارند؟', 'Do they need a workshop permit?'),
  {
    id: 'income.level',
    category: 'income-support',
    kind: 'choice',
    label: { fa: 'درآمد ماهانه خانوار', en: 'Monthly household income' },
    options: [
      { id: 'none', label: { fa: 'بدون درآمد', en: 'No income' } },
      { id: 'below-minimum', label: { fa: 'کمتر از حداقل دستمزد', en: 'Below the minimum wage' } },
      { id: 'around-minimum', label: { fa: 'حدود حداقل دستمزد', en: 'About the minimum wage' } },
      { id: 'above-minimum', label: { fa: 'بیشتر از حداقل دستمزد', en: 'Above the minimum wage' } },
    ],
  },
  yesNo(
    'income.covered',
    'income-support',
    'آیا تحت پوشش بهزیستی یا کمیته امداد هستند؟',
    'Are they covered by Welfare or the Relief Committee?',
  ),
  {
    id: 'housing.tenure',
    category: 'housing-repair',
    kind: 'choice',
    label: { fa: 'وضعیت مسکن', en: 'Housing tenure' },
    options: [
      { id: 'owner', label: { fa: 'مالک', en: 'Owner' } },
      { id: 'tenant', label: { fa: 'مستأجر', en: 'Tenant' } },
      { id: 'informal', label: { fa: 'سکونت غیررسمی', en: 'Informal' } },
    ],
  },
  yesNo('housing.unsafe', 'housing-repair', 'آیا سقف یا دیوارها ناایمن است؟', 'Is the roof or are the walls unsafe?'),
  yesNo('social.disability', 'social-care', 'آیا عضوی از خانوار معلولیت دارد؟', 'Does a member live with a disability?'),
  yesNo('social.elderly-alone', 'social-care', 'آیا سالمند تنها در خانوار هست؟', 'Is there an elderly person living alone?'),
];

const byId = new Map(questions.map((q) => [q.id, q]));

export interface AssessmentContent {
  needs: readonly AssessedNeed[];
  answers: Answers;
}

function answerProblem(question: Question, value: Answer): string | undefined {
  switch (question.kind) {
    case 'yes-no':
      return typeof value === 'boolean' ? undefined : 'yes or no';
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= (question.max ?? 99)
        ? undefined
        : `a whole number from 0 to ${question.max ?? 99}`;
    case 'choice':
      return typeof value === 'string' && question.options?.some((o) => o.id === value)
        ? undefined
        : `one of ${question.options?.map((o) => o.id).join(', ')}`;
  }
}

/**
 * What is wrong with a draft: unknown questions and answers of the wrong kind (a draft may be
 * incomplete, and may hold answers of a category whose severity is not chosen yet).
 */
export function draftProblems(content: AssessmentContent): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const need of content.needs) {
    if (seen.has(need.category)) problems.push(`${need.category}: each category once`);
    seen.add(need.category);
  }
  for (const [id, value] of Object.entries(content.answers)) {
    const question = byId.get(id);
    if (!question) problems.push(`${id}: no such question`);
    else {
      const wrong = answerProblem(question, value);
      if (wrong) problems.push(`${id}: ${wrong}`);
    }
  }
  return problems;
}

/**
 * What stops a draft from being submitted as an assessment: at least one need with a severity, every
 * question of each assessed category answered, and no answer about a category not assessed.
 */
/** Refuses content with problems (422): the detail lists them all, the field names the first one's question. */
function refuseProblems(code: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  const first = problems[0]!;
  const field = first.includes(':') ? first.slice(0, first.indexOf(':')) : 'needs';
  throw new BrokenRuleError(code, `the assessment is not complete or not valid: ${problems.join('; ')}`, field);
}

/** A draft may be unfinished, but what it holds must be valid answers to the questionnaire. */
export const checkDraft = (content: AssessmentContent) => refuseProblems('assessment-draft-invalid', draftProblems(content));

/** A submitted assessment is complete: a severity for at least one need, and every question of its needs answered. */
export const checkSubmission = (content: AssessmentContent) => refuseProblems('assessment-incomplete', submissionProblems(content));

export function submissionProblems(content: AssessmentContent): string[] {
  const problems = draftProblems(content);
  if (content.needs.length === 0) problems.push('at least one need with a severity');
  const assessed = new Set(content.needs.map((n) => n.category));
  for (const q of questions) {
    if (assessed.has(q.category) && content.answers[q.id] === undefined) problems.push(`${q.id}: not answered`);
  }
  for (const id of Object.keys(content.answers)) {
    const q = byId.get(id);
    if (q && !assessed.has(q.category)) problems.push(`${id}: answers a category without a severity`);
  }
  return problems;
}

export const questionnaire = needCategories.map((category) => ({ category, questions: questions.filter((q) => q.category === category) }));
