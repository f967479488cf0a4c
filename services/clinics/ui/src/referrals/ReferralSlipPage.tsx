import { Button, ErrorCard, Loading, Page, useApiQuery, useI18n } from '@hamgam/ui-kit';
import { QRCodeSVG } from 'qrcode.react';
import { Link, useParams } from 'react-router-dom';
import { personText, useReferralsApi, type Referral } from './api';

/**
 * Only the slip is printed: the shell's menu, the module's tabs and the buttons are hidden on paper. The
 * rules live with the page (a federated module brings its own CSS), scoped to the slip's class.
 */
const printCss = `
.clinics-slip { max-width: 40rem; margin: 0 auto; padding: 1rem; border: 1px solid var(--hg-border, #ccc); border-radius: 0.5rem; background: #fff; }
.clinics-slip dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.4rem 1rem; margin: 0 0 1rem; }
.clinics-slip dt { font-weight: 600; }
.clinics-slip dd { margin: 0; overflow-wrap: anywhere; }
.clinics-slip__code { font-size: 1.6rem; letter-spacing: 0.1em; font-weight: 700; }
.clinics-slip p { overflow-wrap: anywhere; }
.clinics-slip__qr { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
.clinics-slip__qr svg { max-width: 100%; height: auto; }
@media print {
  @page { margin: 12mm; }
  body * { visibility: hidden !important; }
  .clinics-slip, .clinics-slip * { visibility: visible !important; }
  .clinics-slip { position: absolute; inset: 0 auto auto 0; width: 100%; border: none; }
  .clinics-slip__noprint { display: none !important; }
}
`;

/** The public tracking page of the shell for this code (apps/shell/src/tracking: /track/<code>), on this site's address. */
export const trackingUrl = (code: string, origin = window.location.origin) => `${origin}/track/${encodeURIComponent(code)}`;

/** What the resident is told to expect next, from the referral's state and its due day. */
function useNextStep() {
  const { t, localize, formatDate } = useI18n();
  return (r: Referral) =>
    t(`slip.next.${r.state}`, { agency: localize(r.agencyName), date: r.dueOn ? formatDate(r.dueOn) : formatDate(r.respondBy) });
}

/**
 * The slip the resident takes home: the tracking code, who will answer (the agency and the service), the next
 * step, and a QR code of the public tracking page, so they can follow their referral themselves.
 */
export function ReferralSlipPage({ basePath }: { basePath: string }) {
  const { referralId = '' } = useParams();
  const api = useReferralsApi();
  const { t, localize, formatDate } = useI18n();
  const nextStep = useNextStep();
  const referral = useApiQuery(['clinics', 'referral', referralId], () => api.referral(referralId));
  const back = (
    <Link to={`${basePath}/referrals`} data-testid="slip-back">
      {t('slip.back')}
    </Link>
  );
  if (referral.error)
    return (
      <Page title={t('slip.title')} actions={back}>
        <ErrorCard error={referral.error} onRetry={referral.reload} />
      </Page>
    );
  if (!referral.data)
    return (
      <Page title={t('slip.title')} actions={back}>
        <Loading />
      </Page>
    );
  const r = referral.data;
  const url = trackingUrl(r.trackingCode);
  return (
    <Page
      title={t('slip.title')}
      actions={
        <span className="hg-form__row clinics-slip__noprint">
          {back}
          <Button onClick={() => window.print()} data-testid="slip-print">
            {t('slip.print')}
          </Button>
        </span>
      }
    >
      <style>{printCss}</style>
      <article className="clinics-slip" data-testid="referral-slip">
        <h2>{t('slip.title')}</h2>
        <dl>
          <dt>{t('slip.trackingCode')}</dt>
          <dd className="clinics-slip__code" data-testid="slip-code">
            <bdi dir="ltr">{r.trackingCode}</bdi>
          </dd>
          <dt>{t('slip.resident')}</dt>
          <dd data-testid="slip-resident">{personText(r.resident, t('referrals.fileWord'))}</dd>
          <dt>{t('slip.agency')}</dt>
          <dd data-testid="slip-agency">{localize(r.agencyName)}</dd>
          <dt>{t('slip.service')}</dt>
          <dd>{localize(r.offerTitle)}</dd>
          <dt>{t('slip.madeAt')}</dt>
          <dd>{formatDate(r.madeAt)}</dd>
          <dt>{t('slip.state')}</dt>
          <dd>{t(`referrals.state.${r.state}`)}</dd>
          <dt>{t('slip.nextStep')}</dt>
          <dd data-testid="slip-next">{nextStep(r)}</dd>
        </dl>
        <div className="clinics-slip__qr">
          <QRCodeSVG value={url} size={144} marginSize={2} title={url} data-testid="slip-qr" />
          <p>
            {t('slip.scan')}
            <br />
            <bdi dir="ltr" data-testid="slip-url">
              {url}
            </bdi>
          </p>
        </div>
      </article>
    </Page>
  );
}
