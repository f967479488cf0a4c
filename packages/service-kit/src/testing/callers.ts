import type { TestClaims } from './keys.js';

/**
 * Callers shaped like the realm's demo users (infra/keycloak/hamgam-realm.json: same usernames, roles and
 * scope claims), so API tests sign the tokens those users would get from Keycloak.
 */
export const testCallers = {
  worker: {
    sub: 'u-worker',
    username: 'clinic.worker',
    roles: ['clinic-worker'],
    clinicIds: ['clinic-sarasiab'],
    neighbourhoodIds: ['nbh-sarasiab'],
  },
  worker2: {
    sub: 'u-worker2',
    username: 'clinic.worker2',
    roles: ['clinic-worker'],
    clinicIds: ['clinic-motahari'],
    neighbourhoodIds: ['nbh-motahari'],
  },
  tvto: { sub: 'u-tvto', username: 'tvto.staff', roles: ['tvto-staff'] },
  welfare: { sub: 'u-welfare', username: 'welfare.officer', roles: ['welfare-officer'] },
  welfare2: { sub: 'u-welfare2', username: 'welfare.officer2', roles: ['welfare-officer'] },
  relief: { sub: 'u-relief', username: 'relief.officer', roles: ['relief-officer'] },
  basij: { sub: 'u-basij', username: 'basij.liaison', roles: ['basij-liaison'] },
  fund: { sub: 'u-fund', username: 'fund.officer', roles: ['fund-officer'] },
  coordinator: { sub: 'u-coord', username: 'coordinator', roles: ['coordinator'] },
  representative: { sub: 'u-rep', username: 'representative', roles: ['representative'], neighbourhoodIds: ['nbh-sarasiab'] },
  auditor: { sub: 'u-audit', username: 'auditor', roles: ['auditor'] },
} as const satisfies Record<string, TestClaims>;
export type TestCaller = keyof typeof testCallers;
