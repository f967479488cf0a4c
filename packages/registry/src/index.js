// The one list of Hamgam's services: name, port, the shell's path, roles and label, database, the keys
// each needs, whether it runs the agency desk. Everything that names the services derives from it: the
// shell's server (its module table and proxies), eslint.config.js (services never import each other),
// infra/native/services.sh (through cli.js), and what `npm run generate` writes (docker-compose.yml's
// services, the broker's definitions, the cluster's manifests).
//
// A package of its own, in plain JavaScript: the shell's server runs it with `node` (no build, no tsx),
// eslint.config.js and bash read it before anything is built, and TypeScript gets its types from
// index.d.ts, against which `npm run typecheck` checks this file. Not in @hamgam/contracts, which is
// TypeScript source and says what services tell each other (events); this says where they run.

/** @import { Service, Shell } from './index.js' */
/** @typedef {Omit<Service, 'module' | 'database' | 'env'>} Entry */

/** In the order of their ports, which the native stack and the architecture notes follow. @type {readonly Entry[]} */
const entries = [
  {
    service: 'clinics',
    port: 4001,
    path: '/clinics',
    roles: ['clinic-worker', 'coordinator', 'representative', 'auditor'],
    label: { fa: 'کلینیک‌های مددکاری', en: 'Social-work clinics' },
    desk: false,
    accessLog: true,
    // Residents' national id, name and phone; national ids are also blind-indexed.
    keys: {
      keyring: 'pii',
      current: ['PII_ENCRYPTION_KEY', 'PII_BLIND_INDEX_KEY'],
      previous: ['PII_PREVIOUS_ENCRYPTION_KEYS', 'PII_PREVIOUS_BLIND_INDEX_KEY'],
    },
  },
  {
    service: 'vocational-training',
    port: 4002,
    path: '/vocational-training',
    roles: ['tvto-staff', 'coordinator', 'auditor'],
    label: { fa: 'آموزش فنی و حرفه‌ای', en: 'Vocational training' },
    desk: true,
    accessLog: true,
    // Workshop permit applicants' name and address.
    keys: { keyring: 'permits', current: ['PERMITS_PII_ENCRYPTION_KEY'], previous: ['PERMITS_PII_PREVIOUS_ENCRYPTION_KEYS'] },
  },
  {
    service: 'welfare',
    port: 4003,
    path: '/welfare',
    roles: ['welfare-officer', 'coordinator', 'auditor'],
    label: { fa: 'بهزیستی', en: 'Welfare' },
    desk: true,
    accessLog: true,
    keys: null,
  },
  {
    service: 'relief-partnerships',
    port: 4004,
    path: '/relief',
    roles: ['relief-officer', 'basij-liaison', 'coordinator', 'auditor'],
    label: { fa: 'کمیته امداد و بسیج سازندگی', en: 'Relief & Basij partnerships' },
    desk: true,
    accessLog: true,
    keys: null,
  },
  {
    service: 'institute-funding',
    port: 4005,
    path: '/institute-funding',
    roles: ['fund-officer', 'coordinator', 'auditor'],
    label: { fa: 'حمایت از آموزشگاه‌ها', en: 'Institute funding' },
    desk: true,
    accessLog: true,
    keys: null,
  },
  {
    service: 'coordination',
    port: 4006,
    path: '/coordination',
    // Agencies' staff read the programme board and commitments too (transparency); only coordinators write.
    roles: ['coordinator', 'representative', 'auditor', 'tvto-staff', 'welfare-officer', 'relief-officer', 'basij-liaison', 'fund-officer'],
    label: { fa: 'هماهنگی و پایش', en: 'Coordination' },
    desk: false,
    // It holds no resident's or household's data (counts, meetings, agencies' commitments), so no access log.
    accessLog: false,
    keys: null,
  },
];

/** The names that follow from the service's: '-' becomes '_' where it may not stand. @param {Entry} entry @returns {Service} */
function named(entry) {
  const module = entry.service.replaceAll('-', '_');
  return Object.freeze({ ...entry, module, database: `hamgam_${module}`, env: module.toUpperCase() });
}

/** @type {readonly Service[]} */
export const SERVICES = Object.freeze(entries.map(named));

/** The shell: the one origin browsers talk to. @type {Shell} */
export const SHELL = Object.freeze({ service: 'shell', port: 3000 });
