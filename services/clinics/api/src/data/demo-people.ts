import type { NeedCategory } from '@hamgam/contracts';
import { withCheckDigit } from '../domain/national-id.js';
import { questions, type Answers } from '../domain/questionnaire.js';
import type { AssessedNeed } from '../domain/ranking.js';

const givenNames = [
  'زهرا',
  'فاطمه',
  'مریم',
  'معصومه',
  'سکینه',
  'رقیه',
  'محمد',
  'علی',
  'حسین',
  'رضا',
  'مهدی',
  'حسن',
  'نرگس',
  'سمیه',
  'امیر',
  'جواد',
  'اکبر',
  'طاهره',
  'لیلا',
  'مصطفی',
];
const familyNames = [
  'احمدی',
  'محمدی',
  'کرمانی',
  'رفسنجانی',
  'حسینی',
  'رضایی',
  'جعفری',
  'کاظمی',
  'نوری',
  'اسدی',
  'زارعی',
  'سلطانی',
  'شریفی',
  'قاسمی',
  'بهرامی',
  'ایرانی',
];

/** A tiny deterministic generator, so every seed of every deployment tells the same story. */
export function seededRandom(seedText: string): () => number {
  let seed = [...seedText].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 11);
  return () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
}

/** Demo person `n` of clinic `clinicIndex`: a valid national id (Kerman prefix 298), a Persian name and a mobile number. */
export function demoPerson(clinicIndex: number, n: number, familyName: string) {
  const random = seededRandom(`person:${clinicIndex}:${n}`);
  const nine = String(298_000_000 + clinicIndex * 100_000 + n);
  return {
    nationalId: withCheckDigit(nine),
    fullName: `${givenNames[Math.floor(random() * givenNames.length)]} ${familyName}`,
    phone: `0913${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`,
    birthYear: 1330 + Math.floor(random() * 60),
  };
}

export const demoFamilyName = (clinicIndex: number, household: number) => familyNames[(clinicIndex * 7 + household) % familyNames.length]!;

/** Answers to every question of the assessed categories, consistent with the severities (a severe need, a "yes"). */
export function demoAnswers(needs: readonly AssessedNeed[], seedText: string): Answers {
  const random = seededRandom(`answers:${seedText}`);
  const assessed = new Map<NeedCategory, number>(needs.map((n) => [n.category, n.severity]));
  const answers: Answers = {};
  for (const q of questions) {
    const severity = assessed.get(q.category);
    if (severity === undefined) continue;
    if (q.kind === 'yes-no')
      answers[q.id] = q.id === 'employment.working' || q.id === 'workshop.has-space' ? random() > severity / 6 : random() < severity / 5;
    else if (q.kind === 'count') answers[q.id] = Math.min(q.max ?? 5, Math.floor(random() * severity));
    else answers[q.id] = q.options![Math.floor(random() * q.options!.length)]!.id;
  }
  return answers;
}
