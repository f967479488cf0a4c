import { Badge, useAuth, useI18n, type BadgeTone } from '@hamgam/ui-kit';
import type { SupportStatus } from './api';

/** Opaque ids shown short (the whole id is in the title for copying). */
export function ShortId({ id, testId }: { id: string; testId?: string }) {
  return (
    <code title={id} data-testid={testId}>
      {id.slice(0, 8)}
    </code>
  );
}

export function useRials() {
  const { t, formatNumber } = useI18n();
  return (amount: number) => t('relief.rials', { amount: formatNumber(amount) });
}

const statusTones: Record<SupportStatus, BadgeTone> = {
  submitted: 'neutral',
  eligible: 'info',
  ineligible: 'warning',
  approved: 'info',
  rejected: 'neutral',
  disbursed: 'success',
  repaying: 'success',
  repaid: 'success',
  'in-arrears': 'danger',
};

export function StatusBadge({ status, testId }: { status: SupportStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Badge tone={statusTones[status]} testId={testId}>
      {t(`relief.status.${status}`)}
    </Badge>
  );
}

export function useRoles() {
  const auth = useAuth();
  return { relief: auth.hasRole('relief-officer'), basij: auth.hasRole('basij-liaison') };
}

export function Textarea({
  label,
  value,
  onChange,
  testId,
  rows = 3,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  rows?: number;
}) {
  return (
    <label className="hg-field">
      <span className="hg-field__label">{label}</span>
      <textarea className="hg-input" rows={rows} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}

export const NEIGHBOURHOODS = ['nbh-sarasiab', 'nbh-motahari', 'nbh-amiralmomenin', 'nbh-fajr'] as const;

/** A target neighbourhood's name (its id when it is not one of the programme's four). */
export function useNeighbourhood() {
  const { t } = useI18n();
  return (id: string | null) => (id === null ? '—' : (NEIGHBOURHOODS as readonly string[]).includes(id) ? t(`relief.nbh.${id}`) : id);
}
