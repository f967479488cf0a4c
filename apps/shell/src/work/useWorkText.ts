import { useI18n } from '@hamgam/ui-kit';
import { WORK_COUNT_CAP, type WorkEntry } from './work';

/** The kinds the shell has words for; a kind a service adds before the shell learns it reads "other items", never its key. */
export const WORK_KINDS = [
  'referrals-new',
  'referrals-overdue',
  'referrals-declined',
  'action-items-open',
  'commitments-overdue',
  'permits-in-hand',
  'counselling-today',
  'cases-open',
  'support-to-decide',
  'projects-late',
  'applications-to-review',
  'bookings-today',
  'consents-expiring',
  'meetings-today',
  'meetings-to-record',
  'meetings-upcoming',
] as const;

const known = new Set<string>(WORK_KINDS);
const isKnown = (kind: string): kind is (typeof WORK_KINDS)[number] => known.has(kind);

/** How the home and the bell say an entry: what it is, how many (in the locale's digits, "1,000+" at the cap), and where. */
export function useWorkText() {
  const { t, localize, formatNumber } = useI18n();
  return {
    kind: (entry: Pick<WorkEntry, 'kind'>) => t(`shell.work.kind.${isKnown(entry.kind) ? entry.kind : 'other'}`),
    count: (count: number) =>
      count >= WORK_COUNT_CAP ? t('shell.work.atLeast', { n: formatNumber(WORK_COUNT_CAP) }) : formatNumber(count),
    service: (entry: Pick<WorkEntry, 'module'>) => localize(entry.module.label),
  };
}
