// How the shell reaches each agency service of the registry (@hamgam/registry) and what the browser
// gets of it: /config/remotes.json and the proxies both derive from the registry's list.

/** @typedef {import('@hamgam/registry').Service} Service */

/**
 * Where a service runs: SERVICE_HOST_<env> (e.g. SERVICE_HOST_VOCATIONAL_TRAINING), else
 * SERVICE_HOST, else this machine. Compose and the cluster set them to service DNS names.
 * @param {Service} row
 * @param {Record<string, string | undefined>} env
 */
export function upstreamHost(row, env) {
  return env[`SERVICE_HOST_${row.env}`] || env.SERVICE_HOST || '127.0.0.1';
}

/** @param {Service} row @param {Record<string, string | undefined>} env */
function upstreamOrigin(row, env) {
  return `http://${upstreamHost(row, env)}:${row.port}`;
}

/**
 * Every origin of a service: its replicas from UPSTREAMS_<env> (comma-separated origins, e.g.
 * UPSTREAMS_CLINICS=http://127.0.0.1:4001,http://127.0.0.1:4101, set by infra/native/services.sh),
 * else the one origin above. The shell spreads requests over them in turn.
 * @param {Service} row @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function upstreamOrigins(row, env) {
  const listed = (env[`UPSTREAMS_${row.env}`] ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of listed) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new Error(`UPSTREAMS for ${row.service}: "${origin}" is not an origin (http://host:port)`);
  }
  return listed.length > 0 ? listed : [upstreamOrigin(row, env)];
}

/**
 * What the browser gets: entries are same-origin paths the shell proxies to each service's /ui/.
 * @param {readonly Service[]} modules
 */
export function remotesJson(modules) {
  return modules.map(({ service, module, roles, label, path }) => ({
    name: module,
    entry: `/remotes/${service}/remoteEntry.js`,
    roles,
    label,
    path,
  }));
}
