// The one table of agency modules: which service serves it, where the shell mounts it, and who
// may see it. /config/remotes.json and the proxies are both derived from it.

/**
 * @typedef {{ fa: string, en: string }} Label
 * @typedef {{ service: string, name: string, port: number, path: string, roles: string[], label: Label }} ModuleRow
 */

/** @type {readonly ModuleRow[]} */
export const MODULES = [
  {
    service: 'clinics',
    name: 'clinics',
    port: 4001,
    path: '/clinics',
    roles: ['clinic-worker', 'coordinator', 'representative', 'auditor'],
    label: { fa: 'کلینیک‌های مددکاری', en: 'Social-work clinics' },
  },
  {
    service: 'vocational-training',
    name: 'vocational_training',
    port: 4002,
    path: '/vocational-training',
    roles: ['tvto-staff', 'coordinator', 'auditor'],
    label: { fa: 'آموزش فنی و حرفه‌ای', en: 'Vocational training' },
  },
  {
    service: 'welfare',
    name: 'welfare',
    port: 4003,
    path: '/welfare',
    roles: ['welfare-officer', 'coordinator', 'auditor'],
    label: { fa: 'بهزیستی', en: 'Welfare' },
  },
  {
    service: 'relief-partnerships',
    name: 'relief_partnerships',
    port: 4004,
    path: '/relief',
    roles: ['relief-officer', 'basij-liaison', 'coordinator', 'auditor'],
    label: { fa: 'کمیته امداد و بسیج سازندگی', en: 'Relief & Basij partnerships' },
  },
  {
    service: 'institute-funding',
    name: 'institute_funding',
    port: 4005,
    path: '/institute-funding',
    roles: ['fund-officer', 'coordinator', 'auditor'],
    label: { fa: 'حمایت از آموزشگاه‌ها', en: 'Institute funding' },
  },
  {
    service: 'coordination',
    name: 'coordination',
    port: 4006,
    path: '/coordination',
    // Agencies' staff read the programme board and commitments too (transparency); only coordinators write.
    roles: ['coordinator', 'representative', 'auditor', 'tvto-staff', 'welfare-officer', 'relief-officer', 'basij-liaison', 'fund-officer'],
    label: { fa: 'هماهنگی و پایش', en: 'Coordination' },
  },
];

/**
 * Where a service runs: SERVICE_HOST_<SERVICE> (e.g. SERVICE_HOST_VOCATIONAL_TRAINING), else
 * SERVICE_HOST, else this machine. Compose sets them to service DNS names.
 * @param {string} service
 * @param {Record<string, string | undefined>} env
 */
export function upstreamHost(service, env) {
  return env[`SERVICE_HOST_${service.toUpperCase().replaceAll('-', '_')}`] || env.SERVICE_HOST || '127.0.0.1';
}

/** @param {ModuleRow} row @param {Record<string, string | undefined>} env */
export function upstreamOrigin(row, env) {
  return `http://${upstreamHost(row.service, env)}:${row.port}`;
}

/**
 * Every origin of a service: its replicas from UPSTREAMS_<SERVICE> (comma-separated origins, e.g.
 * UPSTREAMS_CLINICS=http://127.0.0.1:4001,http://127.0.0.1:4101, set by infra/native/services.sh),
 * else the one origin above. The shell spreads requests over them in turn.
 * @param {ModuleRow} row @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function upstreamOrigins(row, env) {
  const listed = (env[`UPSTREAMS_${row.service.toUpperCase().replaceAll('-', '_')}`] ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of listed) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) throw new Error(`UPSTREAMS for ${row.service}: "${origin}" is not an origin (http://host:port)`);
  }
  return listed.length > 0 ? listed : [upstreamOrigin(row, env)];
}

/** What the browser gets: entries are same-origin paths the shell proxies to each service's /ui/. */
export function remotesJson(modules = MODULES) {
  return modules.map(({ service, name, roles, label, path }) => ({
    name,
    entry: `/remotes/${service}/remoteEntry.js`,
    roles,
    label,
    path,
  }));
}
