import type { Institute } from '../api';

// What the section tests share: the API's base path and one licensed institute.
export const api = '/api/institute-funding/v1';

export const institute: Institute = {
  instituteId: 'inst-negin',
  name: { fa: 'آموزشگاه آزاد نگین', en: 'Negin private institute' },
  licenceNo: 'KRM-1398-0412',
  licenceValidUntil: '2027-06-30',
  neighbourhoodId: 'nbh-sarasiab',
  address: 'سرآسیاب',
  trades: ['tailoring'],
  licenceValid: true,
  updatedAt: '2026-11-01T08:00:00.000Z',
};
