import { Button, Card, ErrorCard, Loading, Select, useAsync, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useClinicsApi } from '../api';
import { useReferralsApi, type Consent, type Offer, type Referral } from './api';
import { shortId } from './StateBadges';

const activeReferralConsent = (consents: Consent[] | undefined, agency: string) =>
  consents?.find((c) => c.purpose === 'referral' && c.agency === agency && c.status === 'active');

interface Props {
  clinicId: string;
  neighbourhoodId: string;
  /** Preset when opened from a resident's page. */
  residentId?: string;
  onReferred: (referral: Referral) => void;
}

/** Choose a resident → a need → an open offer that serves the neighbourhood; consent per agency is shown. */
export function ReferForm({ clinicId, neighbourhoodId, residentId: presetResident, onReferred }: Props) {
  const api = useReferralsApi();
  const clinicsApi = useClinicsApi();
  const { t, localize, formatDate } = useI18n();
  const [residentId, setResidentId] = useState(presetResident ?? '');
  const [category, setCategory] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Referral>();

  const categories = useAsync(() => clinicsApi.needCategories(), [clinicsApi]);
  const residents = useAsync(() => (presetResident ? Promise.resolve([]) : api.clinicResidents(clinicId)), [api, clinicId, presetResident]);
  const resident = useAsync(() => (residentId ? api.resident(residentId) : Promise.resolve(null)), [api, residentId]);
  const consents = useAsync(() => (residentId ? api.consents(residentId) : Promise.resolve([])), [api, residentId]);
  const offers = useAsync(
    () => (category ? api.catalogue({ neighbourhoodId, category, openOnly: true }) : Promise.resolve([] as Offer[])),
    [api, neighbourhoodId, category],
  );

  const refer = async (offer: Offer) => {
    setBusy(true);
    setError(undefined);
    try {
      const referral = await api.refer({ residentId, offerId: offer.id, needCategory: category });
      setDone(referral);
      onReferred(referral);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const open = (offers.data ?? []).filter((o) => o.available > 0);
  const hasAnyConsent = (consents.data ?? []).some((c) => c.purpose === 'referral' && c.status === 'active');

  return (
    <Card title={t('refer.title')} testId="refer-form">
      {done && (
        <p role="status" data-testid="refer-done">
          {t('refer.done', { code: done.trackingCode })}
        </p>
      )}
      {error !== undefined && <ErrorCard error={error} />}
      <div className="hg-form__row">
        {!presetResident && (
          <Select
            label={t('refer.resident')}
            data-testid="refer-resident"
            value={residentId}
            onChange={(event) => {
              setResidentId(event.target.value);
              setDone(undefined);
            }}
            options={[
              { value: '', label: t('refer.chooseResident') },
              ...(residents.data ?? []).map((r) => ({
                value: r.id,
                label: t('refer.residentOption', { id: shortId(r.id), year: r.birthYear ?? '—' }),
              })),
            ]}
          />
        )}
        <Select
          label={t('refer.category')}
          data-testid="refer-category"
          value={category}
          onChange={(event) => setCategory(event.target.value)}
          options={[
            { value: '', label: t('refer.chooseCategory') },
            ...(categories.data ?? []).map((c) => ({ value: c.id, label: localize(c.label) })),
          ]}
        />
      </div>
      {resident.data?.personal && (
        <p data-testid="refer-resident-name">{t('refer.residentName', { name: resident.data.personal.fullName })}</p>
      )}
      {residentId && !consents.loading && !hasAnyConsent && (
        <p role="alert" data-testid="refer-no-consent">
          {t('refer.noConsentAtAll')}
        </p>
      )}
      {residentId && category && (
        <section>
          <h3>{t('refer.offers')}</h3>
          {offers.loading ? (
            <Loading />
          ) : open.length === 0 ? (
            <p data-testid="refer-no-offers">{t('refer.noOffers')}</p>
          ) : (
            <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '0.75rem' }}>
              {open.map((offer) => {
                const consent = activeReferralConsent(consents.data, offer.agency);
                return (
                  <li key={offer.id} data-testid={`refer-offer-${offer.id}`} className="hg-card">
                    <strong>{localize(offer.title)}</strong> — {localize(offer.agencyName)}
                    <div>
                      {localize(offer.place)} · {localize(offer.schedule)}
                    </div>
                    <div>{t('refer.capacity', { available: offer.available, capacity: offer.capacity })}</div>
                    <div data-testid={`refer-consent-${offer.id}`}>
                      {t('refer.consent')}:{' '}
                      {consent ? t('refer.consentActive', { date: formatDate(consent.expiresOn) }) : t('refer.consentMissing')}
                    </div>
                    <Button data-testid={`refer-submit-${offer.id}`} disabled={!consent || busy} onClick={() => void refer(offer)}>
                      {t('refer.submit')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </Card>
  );
}
