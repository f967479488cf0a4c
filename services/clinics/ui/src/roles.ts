/**
 * Who may open each of the clinics module's pages: the roles the API serves that page's main read to
 * (`reads`, a GET route in api/src/routes; an API test checks both agree), so a role never sees a tab the
 * API would answer 403 to (issue 10: a representative opening the referrals found «اجازهٔ این کار را ندارید»).
 */
export const pages = {
  /** Neighbourhoods, their people and priorities: everyone the module is for. */
  neighbourhoods: { reads: '/neighbourhoods', roles: ['clinic-worker', 'coordinator', 'representative', 'auditor'] },
  /** That residents exist (households, residents): never the representative. */
  residents: { reads: '/clinics/:id/households', roles: ['clinic-worker', 'coordinator', 'auditor'] },
  referrals: { reads: '/referrals', roles: ['clinic-worker', 'coordinator', 'auditor'] },
  /** What the agencies offer the neighbourhood: the representative watches it too. */
  catalogue: { reads: '/catalogue', roles: ['clinic-worker', 'coordinator', 'auditor', 'representative'] },
  /** TVTO staff read the slots too (from their own module; the clinics module is not theirs). */
  calendar: { reads: '/calendar/slots', roles: ['clinic-worker', 'coordinator', 'auditor', 'tvto-staff'] },
} as const satisfies Record<string, { reads: string; roles: readonly string[] }>;

export type ClinicsPage = keyof typeof pages;
