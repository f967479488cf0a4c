import { hasAnyRole } from '@hamgam/ui-kit';

// Run-time configuration served by the shell's own server, so one build runs anywhere.
export interface ShellConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

/** One agency module as listed in /config/remotes.json. */
export interface RemoteModuleConfig {
  /** Module Federation name, e.g. "vocational_training". */
  name: string;
  /** URL of its remoteEntry.js, usually same-origin through the shell's proxy. */
  entry: string;
  /** Realm roles any of which shows the module. */
  roles: string[];
  label: { fa: string; en: string };
  /** Route prefix the module is mounted under, e.g. "/clinics". */
  path: string;
}

/** The modules a user may open: those whose roles include any of theirs. */
export function visibleModules(modules: readonly RemoteModuleConfig[], userRoles: readonly string[]): RemoteModuleConfig[] {
  return modules.filter((module) => hasAnyRole(userRoles, module.roles));
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const loadShellConfig = () => getJson<ShellConfig>('/config/shell.json');
export const loadRemotesConfig = () => getJson<RemoteModuleConfig[]>('/config/remotes.json');
