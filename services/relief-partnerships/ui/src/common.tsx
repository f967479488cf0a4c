import { Badge, Field, useApiQuery, useAuth, useI18n, type BadgeTone } from '@hamgam/ui-kit';
import type { TextareaHTMLAttributes } from 'react';
import { useReliefApi, type SupportStatus } from './api';

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

/**
 * A multi-line field, taking a textarea's own props like the kit's TextInput (so `{...form.register('scope')}`
 * spreads onto it); `error` (a form's rule or a refusal naming it) shows under it, linked for screen readers.
 */
export function Textarea({
  label,
  error,
  rows = 3,
  ...textarea
}: { label: string; error?: string | undefined } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>) {
  return (
    <Field label={label} error={error}>
      {({ id, errorId }) => (
        <textarea
          id={id}
          className="hg-input"
          rows={rows}
          {...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
          {...textarea}
        />
      )}
    </Field>
  );
}

/** Names change rarely: reference lists are read once in a while, not on every screen. */
const referenceStaleMs = 10 * 60_000;

/** The programme's neighbourhoods as the desk serves them (every one, by name), for pickers and labels. */
export function usePlaces() {
  const api = useReliefApi();
  const { localize, t } = useI18n();
  const places = useApiQuery(['relief-partnerships', 'places'], () => api.places(), { staleTime: referenceStaleMs });
  const neighbourhoods = places.data?.neighbourhoods ?? [];
  const names = new Map(neighbourhoods.map((n) => [n.neighbourhoodId, localize(n.name)]));
  return {
    neighbourhoods,
    options: neighbourhoods.map((n) => ({ value: n.neighbourhoodId, label: localize(n.name) })),
    /** A neighbourhood's name in the user's language; never its slug. */
    nameOf: (id: string | null) => (id === null ? '—' : (names.get(id) ?? t('relief.place.unknown'))),
  };
}

/** A target neighbourhood's name (see usePlaces). */
export function useNeighbourhood() {
  return usePlaces().nameOf;
}

/** A trade's name in the user's language, from the desk's list (never the slug). */
export function useTradeName() {
  const api = useReliefApi();
  const { localize, t } = useI18n();
  const trades = useApiQuery(['relief-partnerships', 'trades'], () => api.trades(), { staleTime: referenceStaleMs });
  const names = new Map((trades.data ?? []).map((trade) => [trade.tradeId, localize(trade.name)]));
  return (id: string | null | undefined) => (id ? (names.get(id) ?? t('relief.trade.other')) : '—');
}
