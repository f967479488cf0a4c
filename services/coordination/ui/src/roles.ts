/**
 * Who may do what in coordination, as its API decides it (api/src/deps.ts; an API test checks both lists
 * agree), so a role never sees a tab, card or button the API would answer 403 to.
 */
export const roles = {
  /** Schedule meetings, write minutes, mark them held, pass resolutions, record a commitment's status. */
  writers: ['coordinator'],
  /** Read meetings, resolutions and the published priority lists (a representative: their neighbourhood's). */
  meetingReaders: ['coordinator', 'auditor', 'representative'],
  /** Read the commitments and the board: also the partner agencies' staff (transparency). */
  programmeReaders: [
    'coordinator',
    'auditor',
    'representative',
    'tvto-staff',
    'welfare-officer',
    'relief-officer',
    'basij-liaison',
    'fund-officer',
  ],
} as const;
