import { Code, ReferencePicker, useApiQuery, useI18n, type LocalizedText } from '@hamgam/ui-kit';
import { useRef, type ReactElement } from 'react';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { useTvtoApi, type PickableReferral, type Places, type Trade } from './api';

/** Reference lists change rarely: kept for five minutes across TVTO's screens. */
const referenceStaleTime = 300_000;

/**
 * The lists TVTO's forms pick from (neighbourhoods, clinics, trades), served by the API and labelled in the
 * user's language: nobody types a slug or an id, and none is shown.
 */
export function useReferences() {
  const api = useTvtoApi();
  const query = useApiQuery(['vocational-training', 'references'], () => Promise.all([api.places(), api.trades()]), {
    module: 'vt',
    staleTime: referenceStaleTime,
  });
  return { data: query.data, error: query.error ?? undefined, reload: query.reload };
}

export type References = [Places, Trade[]];

/** Names for the ids a record carries; an id the lists do not know is shown as a dash, never as itself. */
export function useNames(references: References) {
  return namesOf(references, useI18n().localize);
}

export function namesOf([places, trades]: References, localize: (text: LocalizedText) => string) {
  const named = (list: { id: string; name: LocalizedText }[]) => {
    const names = new Map(list.map((e) => [e.id, e.name]));
    return (id: string | null | undefined) => {
      const name = id ? names.get(id) : undefined;
      return name ? localize(name) : '—';
    };
  };
  return {
    neighbourhood: named(places.neighbourhoods.map((n) => ({ id: n.neighbourhoodId, name: n.name }))),
    clinic: named(places.clinics.map((c) => ({ id: c.clinicId, name: c.name }))),
    trade: named(trades.map((t) => ({ id: t.tradeId, name: t.name }))),
  };
}

interface PickProps {
  label: string;
  value: string;
  /** '' when cleared. */
  onChange: (id: string) => void;
  testId: string;
  error?: string | undefined;
  /** Shown while nothing is picked, e.g. "every clinic" or "outside the target neighbourhoods". */
  none?: string;
}

function OptionsPicker({
  options,
  label,
  value,
  onChange,
  testId,
  error,
  none,
}: PickProps & { options: { value: string; label: string }[] }) {
  return (
    <ReferencePicker
      label={label}
      value={value || null}
      onChange={(picked) => onChange(picked ?? '')}
      options={options}
      error={error}
      placeholder={none}
      testId={testId}
    />
  );
}

export function TradePicker({ trades, ...props }: PickProps & { trades: Trade[] }) {
  const { localize } = useI18n();
  return <OptionsPicker options={trades.map((t) => ({ value: t.tradeId, label: localize(t.name) }))} {...props} />;
}

export function NeighbourhoodPicker({ places, ...props }: PickProps & { places: Places }) {
  const { localize } = useI18n();
  return <OptionsPicker options={places.neighbourhoods.map((n) => ({ value: n.neighbourhoodId, label: localize(n.name) }))} {...props} />;
}

export function ClinicPicker({ places, ...props }: PickProps & { places: Places }) {
  const { localize } = useI18n();
  return <OptionsPicker options={places.clinics.map((c) => ({ value: c.clinicId, label: localize(c.name) }))} {...props} />;
}

/** A required pick in a react-hook-form draft (one of its string fields): "required" under it while empty. */
interface RequiredPickProps<F extends FieldValues> {
  control: Control<F>;
  name: FieldPathByValue<F, string>;
  testId: string;
}

/** The draft's field under `picker`, which gets its label, value, error and onChange. */
function RequiredPick<F extends FieldValues>({
  control,
  name,
  testId,
  label,
  picker,
}: RequiredPickProps<F> & { label: string; picker: (props: PickProps) => ReactElement }) {
  const { t } = useI18n();
  return (
    <Controller
      control={control}
      name={name}
      rules={{ required: t('vt.required') }}
      render={({ field, fieldState }) =>
        picker({ label, value: field.value as string, testId, error: fieldState.error?.message, onChange: field.onChange })
      }
    />
  );
}

/** The draft's trade, picked from the programme's list. */
export function TradeField<F extends FieldValues>({ trades, ...props }: RequiredPickProps<F> & { trades: Trade[] }) {
  const { t } = useI18n();
  return <RequiredPick {...props} label={t('vt.trade')} picker={(pick) => <TradePicker trades={trades} {...pick} />} />;
}

/** The draft's neighbourhood, picked from the desk's list. */
export function NeighbourhoodField<F extends FieldValues>({ places, ...props }: RequiredPickProps<F> & { places: Places }) {
  const { t } = useI18n();
  return <RequiredPick {...props} label={t('vt.neighbourhood')} picker={(pick) => <NeighbourhoodPicker places={places} {...pick} />} />;
}

/** How a referral reads in a list: its tracking code, what it is for and the clinic that made it. */
export function useReferralLabel() {
  const { localize } = useI18n();
  return (r: PickableReferral) =>
    [r.trackingCode, r.offerTitle && localize(r.offerTitle), r.clinicName && localize(r.clinicName)].filter(Boolean).join(' · ');
}

/**
 * A referral TVTO holds, found by its tracking code (or its beginning) and picked from the API's answer:
 * how staff name a resident the clinics referred. `state`/`offerId` narrow the search (e.g. accepted
 * referrals for this course). The picked referral (with its resident's ref, never shown) goes to onChange.
 */
export function ReferralPicker({
  label,
  testId,
  value,
  onChange,
  state,
  offerId,
  error,
}: {
  label: string;
  testId: string;
  value: PickableReferral | undefined;
  onChange: (referral: PickableReferral | undefined) => void;
  state?: 'accepted';
  offerId?: string;
  /** The sentence of a refusal naming this input. */
  error?: string | undefined;
}) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const labelOf = useReferralLabel();
  // The referrals the last searches answered, so the one picked is known whole (its resident's ref, its code).
  const found = useRef(new Map<string, PickableReferral>()).current;
  return (
    <ReferencePicker
      label={label}
      testId={testId}
      value={value?.referralId ?? null}
      selectedLabel={value ? labelOf(value) : undefined}
      placeholder={t('vt.referrals.searchHint')}
      error={error}
      minChars={1}
      search={async (q) => {
        const rows = await api.pickReferrals({ q, state, offerId });
        for (const r of rows) found.set(r.referralId, r);
        return rows.map((r) => ({ value: r.referralId, label: labelOf(r) }));
      }}
      onChange={(id) => onChange(id ? found.get(id) : undefined)}
    />
  );
}

/** A record's resident as staff may know them: the tracking code of a clinic referral naming them, else "no referral". */
export function ResidentCode({ code, testId }: { code: string | null; testId?: string }) {
  const { t } = useI18n();
  if (code === null) return <span data-testid={testId}>{t('vt.resident.noReferral')}</span>;
  return <Code testId={testId}>{code}</Code>;
}
