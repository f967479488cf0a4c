import { agencyDesk } from '@hamgam/agency-desk';

/** The agency's desk: its own staff change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency: 'welfare', roles: ['welfare-officer'] });
