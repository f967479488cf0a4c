import { ApiError, Button, Card, ErrorCard, Loading, Select, useApiMutation, useApiQuery, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useClinicsApi } from '../api';
import { useReferralsApi, type Consent, type Offer, type Referral } from './api';
import { ResidentPicker } from './ResidentPicker';

const activeReferralConsent = (consents: Consent[] | undefined, agency: string) =>
  consents?.find((c) => c.purpose === 'referral' && c.agency === agency && c.status === 'active');

interface Props {
  clinicId: string;
  neighbourhoodId: string;
  /** Preset when opened from a resident's page. */
  residentId?: string;
  /** Where the referral slip of a new referral is (`${slipBase}/<id>/slip`). */
  slipBase?: string;
}

/** Choose a resident → a need → an open offer that serves the neighbourhood; consent per agency is shown. */
export function ReferForm({ clinicId, neighbourhoodId, residentId: presetResident, slipBase }: Props) {
  const api = useReferralsApi();
  const clinicsApi = useClinicsApi();
  const { t, localize, formatDate } = useI18n();
  const [residentId, setResidentId] = useState(presetResident ?? '');
  const [category, setCategory] = useState('');
  const [done, setDone] = useState<Referral>();

  const categories = useApiQuery(['clinics', 'need-categories'], () => clinicsApi.needCategories(), { staleTime: 3_600_000 });
  const resident = useApiQuery(['clinics', 'resident', residentId], () => api.resident(residentId), { enabled: !!residentId });
  const consents = useApiQuery(['clinics', 'consents', residentId], () => api.consents(residentId), { enabled: !!residentId });
  const offers = useApiQuery(
    ['clinics', 'catalogue', { neighbourhoodId, category, openOnly: true }],
    () => api.catalogue({ neighbourhoodId, category, openOnly: true }),
    { enabled: !!category },
  );
  const referring = useApiMutation((offer: Offer) => api.refer({ residentId, offerId: offer.id, needCategory: category }), {
    invalidates: [
      ['clinics', 'referrals'],
      ['clinics', 'timeline', residentId],
    ],
    onSuccess: setDone,
  });
  const error = referring.error;
  const busy = referring.busy;
  const refer = (offer: Offer) => referring.run(offer);

  const open = (offers.data ?? []).filter((o) => o.available > 0);
  const hasAnyConsent = (consents.data ?? []).some((c) => c.purpose === 'referral' && c.status === 'active');

  return (
    <Card title={t('refer.title')} testId="refer-form">
      {done && (
        <p role="status" data-testid="refer-done">
          {t('refer.done', { code: done.trackingCode })}{' '}
          {slipBase && (
            <Link to={`${slipBase}/${done.id}/slip`} data-testid="refer-slip">
              {t('referrals.slip')}
            </Link>
          )}
        </p>
      )}
      {error && !referring.variables && <ErrorCard error={error} />}
      <div className="hg-form__row">
        {!presetResident && (
          <ResidentPicker
            clinicId={clinicId}
            value={residentId || null}
            onChange={(value) => {
              setResidentId(value ?? '');
              setDone(undefined);
            }}
            testId="refer-resident"
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
      {residentId && consents.data && !hasAnyConsent && (
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
                    {error && referring.variables?.id === offer.id && (
                      // The refusal beside the offer it concerns (e.g. an open referral to it already), in the user's words.
                      <p className="hg-field__error" role="alert" data-testid={`refer-error-${offer.id}`}>
                        {error instanceof ApiError ? (error.detail ?? error.title) : String(error)}
                      </p>
                    )}
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
