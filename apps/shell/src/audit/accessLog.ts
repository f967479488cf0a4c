import { SERVICES } from '@hamgam/registry';

/**
 * The services that keep a programme access log the auditor reads (`GET /api/<service>/v1/access-log`):
 * every one that holds residents' or households' data, as the registry says (coordination holds none).
 */
export const AUDITED_AGENCIES = SERVICES.filter((s) => s.accessLog).map((s) => s.service);
export type AuditedAgency = string;

/** One entry as the kit's access-log route answers it (`at` is ISO 8601 over JSON). */
export interface AccessEntry {
  id: string;
  at: string;
  agency: string;
  actor: string;
  actorRoles: string[];
  action: string;
  recordKind: string;
  recordId: string;
  subject: string;
  purpose: string;
  purposeSource: 'consent' | 'route';
}

/** The auditor's filters; days are Tehran calendar days `YYYY-MM-DD`, both inclusive. */
export interface AccessLogFilter {
  person: string;
  user: string;
  from: string;
  to: string;
}

/** Rows a page asks each service for (the kit's page maximum is 100). */
export const PAGE_SIZE = 50;

/** The filters as a query string (empty ones left out), with any extra parameters first. */
export function accessLogQuery(filter: AccessLogFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const [name, value] of Object.entries(filter)) {
    if (value.trim()) params.set(name, value.trim());
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const accessLogPath = (agency: AuditedAgency, filter: AccessLogFilter) =>
  `/${agency}/v1/access-log${accessLogQuery(filter, { limit: String(PAGE_SIZE) })}`;
export const exportPath = (agency: AuditedAgency, filter: AccessLogFilter) => `/${agency}/v1/access-log/export${accessLogQuery(filter)}`;

/** What the page knows of one service's log: the entries read so far, where to go on, and its last failure. */
export interface ServiceLog {
  agency: AuditedAgency;
  entries: AccessEntry[];
  /** The cursor of the next page; null before the first page and after the last. */
  cursor: string | null;
  done: boolean;
  error?: unknown;
}

export const emptyLog = (agency: AuditedAgency): ServiceLog => ({ agency, entries: [], cursor: null, done: false });

const newestFirst = (a: AccessEntry, b: AccessEntry) =>
  Date.parse(b.at) - Date.parse(a.at) || a.agency.localeCompare(b.agency) || a.id.localeCompare(b.id);

/**
 * The entries of every service newest first, down to the point every service has been read to: a service
 * with more pages may still hold entries newer than another's older ones, so those wait for "load more"
 * and rows are only ever added below. A failed service holds nobody back (its error line says it is missing).
 */
export function mergeLogs(logs: readonly ServiceLog[]): AccessEntry[] {
  const unread = logs.filter((log) => !log.done && log.error === undefined && log.entries.length > 0);
  const frontier = Math.max(...unread.map((log) => Date.parse(log.entries.at(-1)!.at)));
  return logs
    .flatMap((log) => log.entries)
    .filter((entry) => Date.parse(entry.at) >= frontier)
    .sort(newestFirst);
}
