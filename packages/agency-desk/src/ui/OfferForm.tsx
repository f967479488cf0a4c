import { today } from '@hamgam/contracts/days';
import {
  Button,
  Card,
  DateInput,
  Field,
  Form,
  type LocalizedText,
  NumberInput,
  Select,
  TextInput,
  useI18n,
  useProblemSentence,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import type { Offer, OfferFields } from './api';
import { useDesk } from './context';
import { usePlaces } from './places';
import { needCategories, offerKinds, type NeedCategory, type OfferKind } from './vocabulary';

const texts = ['title', 'eligibility', 'place', 'schedule'] as const;
type TextKey = `${(typeof texts)[number]}${'Fa' | 'En'}`;

interface Draft {
  kind: OfferKind;
  text: Record<TextKey, string>;
  answers: NeedCategory[];
  neighbourhoods: string[];
  startsOn: string;
  endsOn: string;
  capacity: string;
  available: string;
  status: 'open' | 'closed';
}

function draftOf(offer?: Offer): Draft {
  const text = Object.fromEntries(
    texts.flatMap((key) => [
      [`${key}Fa`, offer?.[key].fa ?? ''],
      [`${key}En`, offer?.[key].en ?? ''],
    ]),
  ) as Record<TextKey, string>;
  return {
    kind: offer?.kind ?? 'course',
    text,
    answers: offer?.answers ?? [],
    neighbourhoods: offer?.neighbourhoodIds ?? [],
    startsOn: offer?.startsOn ?? today(14),
    endsOn: offer?.endsOn ?? '',
    capacity: String(offer?.capacity ?? 20),
    available: String(offer?.available ?? 20),
    status: offer?.status ?? 'open',
  };
}

/** Create (no `offer`) or edit an offer; saving publishes it to the clinics' catalogue. The desk makes a new offer's id. */
export function OfferForm({ offer, onSaved, onCancel }: { offer?: Offer; onSaved: () => void; onCancel: () => void }) {
  const { api } = useDesk();
  const { t, localize } = useI18n();
  const places = usePlaces();
  const [draft, setDraft] = useState<Draft>(() => draftOf(offer));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [apiError, setApiError] = useState<unknown>();
  const sentence = useProblemSentence('desk');
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setText = (key: TextKey, value: string) => setDraft((d) => ({ ...d, text: { ...d.text, [key]: value } }));
  const pair = (key: (typeof texts)[number]): LocalizedText => ({ fa: draft.text[`${key}Fa`].trim(), en: draft.text[`${key}En`].trim() });

  function validate() {
    const found: Record<string, string> = {};
    for (const key of Object.keys(draft.text) as TextKey[]) if (!draft.text[key].trim()) found[key] = t('desk.required');
    if (draft.answers.length === 0) found['answers'] = t('desk.offers.answersRequired');
    if (!draft.capacity) found['capacity'] = t('desk.required');
    if (!draft.available) found['available'] = t('desk.required');
    else if (Number(draft.available) > Number(draft.capacity)) found['available'] = t('desk.offers.availableTooMany');
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function submit() {
    if (!validate()) return;
    const fields: OfferFields = {
      kind: draft.kind,
      title: pair('title'),
      eligibility: pair('eligibility'),
      answers: draft.answers,
      neighbourhoodIds: draft.neighbourhoods,
      place: pair('place'),
      schedule: pair('schedule'),
      startsOn: draft.startsOn || null,
      endsOn: draft.endsOn || null,
      capacity: Number(draft.capacity),
      available: Number(draft.available),
      status: draft.status,
    };
    setSaving(true);
    setApiError(undefined);
    try {
      if (offer) await api.updateOffer(offer.offerId, fields, offer.revision);
      else await api.createOffer(fields);
      onSaved();
    } catch (error) {
      setApiError(sentence(error));
    } finally {
      setSaving(false);
    }
  }

  const toggle = (category: NeedCategory) =>
    set({ answers: draft.answers.includes(category) ? draft.answers.filter((c) => c !== category) : [...draft.answers, category] });

  return (
    <Card
      title={offer ? t('desk.offers.formEdit', { title: localize(offer.title) }) : t('desk.offers.formNew')}
      testId="desk-offer-form-card"
    >
      <Form onSubmit={submit} error={apiError} testId="desk-offer-form">
        <div className="hg-form__row">
          <Select
            label={t('desk.offers.kind')}
            data-testid="desk-offer-kind"
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value as OfferKind })}
            options={offerKinds.map((k) => ({ value: k, label: t(`desk.kind.${k}`) }))}
          />
          <Select
            label={t('desk.offers.status')}
            data-testid="desk-offer-status"
            value={draft.status}
            onChange={(e) => set({ status: e.target.value as 'open' | 'closed' })}
            options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`desk.status.${s}`) }))}
          />
        </div>
        {texts.map((key) => (
          <div className="hg-form__row" key={key}>
            {(['Fa', 'En'] as const).map((lang) => {
              const name = `${key}${lang}` as TextKey;
              return (
                <TextInput
                  key={name}
                  label={t(`desk.offers.${name}`)}
                  dir={lang === 'Fa' ? 'rtl' : 'ltr'}
                  data-testid={`desk-offer-${name}`}
                  value={draft.text[name]}
                  onChange={(e) => setText(name, e.target.value)}
                  error={errors[name]}
                />
              );
            })}
          </div>
        ))}
        <Field label={t('desk.offers.answers')} error={errors['answers']}>
          {({ id }) => (
            <div className="hg-form__row" id={id} role="group">
              {needCategories.map((category) => (
                <label key={category}>
                  <input
                    type="checkbox"
                    data-testid={`desk-offer-answers-${category}`}
                    checked={draft.answers.includes(category)}
                    onChange={() => toggle(category)}
                  />{' '}
                  {t(`desk.need.${category}`)}
                </label>
              ))}
            </div>
          )}
        </Field>
        <Field label={t('desk.offers.neighbourhoods')}>
          {({ id }) => (
            <div className="hg-form__row" id={id} role="group" data-testid="desk-offer-neighbourhoods">
              {places.neighbourhoods.map((n) => (
                <label key={n.neighbourhoodId}>
                  <input
                    type="checkbox"
                    data-testid={`desk-offer-neighbourhood-${n.neighbourhoodId}`}
                    checked={draft.neighbourhoods.includes(n.neighbourhoodId)}
                    onChange={() =>
                      set({
                        neighbourhoods: draft.neighbourhoods.includes(n.neighbourhoodId)
                          ? draft.neighbourhoods.filter((id) => id !== n.neighbourhoodId)
                          : [...draft.neighbourhoods, n.neighbourhoodId],
                      })
                    }
                  />{' '}
                  {localize(n.name)}
                </label>
              ))}
            </div>
          )}
        </Field>
        <p className="hg-muted">{t('desk.offers.neighbourhoodsHint')}</p>
        <div className="hg-form__row">
          <DateInput
            label={t('desk.offers.startsOn')}
            data-testid="desk-offer-starts"
            value={draft.startsOn}
            onChange={(startsOn) => set({ startsOn })}
          />
          <DateInput
            label={t('desk.offers.endsOn')}
            data-testid="desk-offer-ends"
            value={draft.endsOn}
            onChange={(endsOn) => set({ endsOn })}
          />
          <NumberInput
            label={t('desk.offers.capacity')}
            data-testid="desk-offer-capacity"
            value={draft.capacity}
            onValueChange={(capacity) => set({ capacity })}
            error={errors['capacity']}
          />
          <NumberInput
            label={t('desk.offers.available')}
            data-testid="desk-offer-available"
            value={draft.available}
            onValueChange={(available) => set({ available })}
            error={errors['available']}
          />
        </div>
        <div className="hg-form__row">
          <Button type="submit" busy={saving} data-testid="desk-offer-save">
            {t('desk.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('desk.cancel')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
