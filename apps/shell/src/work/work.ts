import { SERVICES } from '@hamgam/registry';
import type { RemoteModuleConfig } from '../config';

/**
 * One thing waiting for the user in one service, as every service's `GET /api/<service>/v1/work` answers it
 * (service-kit's workRoute): a stable `kind` the shell translates, a `count`, and the module page showing them.
 */
export interface WorkItem {
  kind: string;
  count: number;
  /** Relative to the module's mount: `''` its first page, `?state=received`, `commitments?overdue=true`. */
  path: string;
  /** Asked `?since=`: how many arrived or fell due after it; absent for a kind the service cannot date. */
  fresh?: number;
}

/** The services cap each count here (service-kit's WORK_COUNT_CAP): a count at it means "at least that many". */
export const WORK_COUNT_CAP = 1000;

/** One service's answer as the home and the bell read it; `failed` when it could not be read (the others still show). */
export interface ServiceWork {
  module: RemoteModuleConfig;
  service: string;
  items: WorkItem[];
  failed: boolean;
}

/** One item with where it comes from: what the home's cards and the bell's list show. */
export interface WorkEntry extends WorkItem {
  /** `<service>:<kind>`: stable across visits, the key the bell's seen marks are kept under. */
  key: string;
  module: RemoteModuleConfig;
  href: string;
}

/** The service behind a module of remotes.json (the registry names both), or undefined for a module no service serves. */
export const serviceOf = (module: RemoteModuleConfig): string | undefined => SERVICES.find((s) => s.module === module.name)?.service;

/** The shell route of a module page: the item's path below where the shell mounts the module. */
export function workHref(module: RemoteModuleConfig, path: string): string {
  if (path === '') return module.path;
  return path.startsWith('?') ? `${module.path}${path}` : `${module.path}/${path}`;
}

/** What is waiting, in the services' order (the registry's), without the kinds that count nothing now. */
export function waiting(answers: readonly ServiceWork[]): WorkEntry[] {
  return answers.flatMap(({ module, service, items }) =>
    items
      .filter((item) => item.count > 0)
      .map((item) => ({ ...item, key: `${service}:${item.kind}`, module, href: workHref(module, item.path) })),
  );
}
