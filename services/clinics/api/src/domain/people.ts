import type { LocalizedName } from '@hamgam/contracts';

export const staffRoles = ['social-worker', 'clinic-manager', 'tvto-counsellor'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A member of a clinic's staff as the programme knows them (a work role, not a resident's personal data). */
export interface StaffMember {
  id: string;
  name: LocalizedName;
  role: StaffRole;
  /** The realm user, when they have an account. */
  username?: string;
}

/** The people's representative (نماینده مردم) each neighbourhood chose; they re-rank priorities and follow commitments. */
export interface Representative {
  name: LocalizedName;
  username?: string;
}

/** Reference data of the four clinics' teams (the TVTO counsellor comes to each clinic one day a week). */
export const clinicStaff: Record<string, StaffMember[]> = {
  'clinic-sarasiab': [
    { id: 'staff-sarasiab-1', name: { fa: 'مریم رضایی', en: 'Maryam Rezaei' }, role: 'social-worker', username: 'clinic.worker' },
    { id: 'staff-sarasiab-2', name: { fa: 'علی کاظمی', en: 'Ali Kazemi' }, role: 'clinic-manager' },
    { id: 'staff-sarasiab-3', name: { fa: 'حسین شریفی', en: 'Hossein Sharifi' }, role: 'tvto-counsellor' },
  ],
  'clinic-motahari': [
    { id: 'staff-motahari-1', name: { fa: 'فاطمه موسوی', en: 'Fatemeh Mousavi' }, role: 'social-worker', username: 'clinic.worker2' },
    { id: 'staff-motahari-2', name: { fa: 'رضا نوری', en: 'Reza Nouri' }, role: 'clinic-manager' },
    { id: 'staff-motahari-3', name: { fa: 'حسین شریفی', en: 'Hossein Sharifi' }, role: 'tvto-counsellor' },
  ],
  'clinic-amiralmomenin': [
    { id: 'staff-amiralmomenin-1', name: { fa: 'زهرا حیدری', en: 'Zahra Heydari' }, role: 'social-worker' },
    { id: 'staff-amiralmomenin-2', name: { fa: 'سمیرا اکبری', en: 'Samira Akbari' }, role: 'tvto-counsellor' },
  ],
  'clinic-fajr': [
    { id: 'staff-fajr-1', name: { fa: 'نرگس صادقی', en: 'Narges Sadeghi' }, role: 'social-worker' },
    { id: 'staff-fajr-2', name: { fa: 'سمیرا اکبری', en: 'Samira Akbari' }, role: 'tvto-counsellor' },
  ],
};

export const neighbourhoodRepresentatives: Record<string, Representative> = {
  'nbh-sarasiab': { name: { fa: 'حاج محمد کرمانی', en: 'Haj Mohammad Kermani' }, username: 'representative' },
  'nbh-motahari': { name: { fa: 'اکبر جعفری', en: 'Akbar Jafari' } },
  'nbh-amiralmomenin': { name: { fa: 'طاهره ابراهیمی', en: 'Tahereh Ebrahimi' } },
  'nbh-fajr': { name: { fa: 'مهدی قاسمی', en: 'Mahdi Ghasemi' } },
};
