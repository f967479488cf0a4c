import {
  Badge,
  Button,
  Card,
  Page,
  TextInput,
  toLatinDigits,
  useApiQuery,
  useI18n,
  type BadgeTone,
  type LocalizedText,
  type MessageKey,
} from '@hamgam/ui-kit';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import '../messages';

type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'completed' | 'withdrawn';
/** A workshop permit application's status at TVTO (its own public tracking route). */
type PermitStatus = 'submitted' | 'documents-complete' | 'inspected' | 'approved' | 'rejected' | 'expired' | 'renewed';

/** What a public tracking route answers (the clinics' for referrals, TVTO's for permit applications): status and next step, nothing about the person. */
export interface TrackingView {
  code: string;
  status: ReferralStatus | PermitStatus;
  statusLabel: LocalizedText;
  nextStep: LocalizedText;
  lastUpdate: string;
}

/** A lookup that found nothing to show: the message saying why. */
class LookupFailed extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

/** Where a code may live: a clinic referral first, then a TVTO workshop permit application. */
const trackingRoutes = ['/api/clinics/v1/tracking/', '/api/vocational-training/v1/permits/tracking/'];

async function lookUp(code: string): Promise<TrackingView> {
  for (const route of trackingRoutes) {
    let response: Response;
    try {
      response = await fetch(`${route}${encodeURIComponent(code)}`, { headers: { Accept: 'application/json, application/problem+json' } });
    } catch {
      throw new LookupFailed('track.failed');
    }
    if (response.ok) return (await response.json()) as TrackingView;
    if (response.status !== 404) throw new LookupFailed(response.status === 429 ? 'track.tooMany' : 'track.failed');
  }
  throw new LookupFailed('track.notFound');
}

const codePattern = /^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$/;

/** Upper-case, Latin digits (residents may type Persian ones), with the dash in the middle. */
export function normaliseCode(input: string): string | null {
  const compact = toLatinDigits(input).toUpperCase().replace(/[\s-]/g, '');
  if (!codePattern.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

const tones: Record<TrackingView['status'], BadgeTone> = {
  sent: 'info',
  accepted: 'success',
  declined: 'warning',
  completed: 'success',
  withdrawn: 'neutral',
  submitted: 'info',
  'documents-complete': 'info',
  inspected: 'info',
  approved: 'success',
  rejected: 'warning',
  expired: 'warning',
  renewed: 'success',
};

/** The public page: no login; the proxy sends `/api/clinics/*` to the clinics service. */
export function TrackPage() {
  const { t, locale, setLocale, localize, formatDate } = useI18n();
  const { code: codeInPath } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(codeInPath ?? '');
  const [inputError, setInputError] = useState<string>();

  const code = codeInPath ? normaliseCode(codeInPath) : null;
  // Not found or rate-limited is the answer itself: asking again would only spend the resident's look-ups.
  const lookup = useApiQuery(['shell', 'track', code], () => lookUp(code!), { enabled: code !== null, retry: false });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normaliseCode(input);
    if (!code) {
      setInputError(t('track.codeInvalid'));
      return;
    }
    setInputError(undefined);
    navigate(`/track/${code}`);
  };

  return (
    <div className="track" data-testid="track-page">
      <header
        className="track__header"
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '0.75rem 1rem' }}
      >
        <strong>{t('shell.appName')}</strong>
        <Button
          variant="secondary"
          data-testid="locale-switch"
          lang={locale === 'fa' ? 'en' : 'fa'}
          onClick={() => setLocale(locale === 'fa' ? 'en' : 'fa')}
        >
          {t('shell.switchLocale')}
        </Button>
      </header>
      <Page title={t('track.title')}>
        <Card>
          <p>{t('track.intro')}</p>
          <form className="hg-form" onSubmit={submit} noValidate data-testid="track-form">
            <TextInput
              label={t('track.code')}
              data-testid="track-code"
              value={input}
              placeholder={t('track.codeHint')}
              dir="ltr"
              autoComplete="off"
              error={inputError}
              onChange={(event) => setInput(event.target.value)}
            />
            <Button type="submit" data-testid="track-submit">
              {t('track.submit')}
            </Button>
          </form>
        </Card>
        {code && lookup.loading && <Card testId="track-loading">…</Card>}
        {code && lookup.error && (
          <Card tone="error" role="alert" testId="track-error">
            {t(lookup.error instanceof LookupFailed ? lookup.error.key : 'track.failed')}
          </Card>
        )}
        {code && lookup.data && (
          <Card title={<span dir="ltr">{lookup.data.code}</span>} testId="track-result">
            <dl className="hg-dl">
              <dt>{t('track.status')}</dt>
              <dd>
                <Badge tone={tones[lookup.data.status]} testId="track-status">
                  {localize(lookup.data.statusLabel)}
                </Badge>
              </dd>
              <dt>{t('track.nextStep')}</dt>
              <dd data-testid="track-next-step">{localize(lookup.data.nextStep)}</dd>
              <dt>{t('track.lastUpdate')}</dt>
              <dd data-testid="track-last-update">{formatDate(lookup.data.lastUpdate)}</dd>
            </dl>
          </Card>
        )}
        <p>
          <a href="/" data-testid="staff-login">
            {t('track.login')}
          </a>
        </p>
      </Page>
    </div>
  );
}
