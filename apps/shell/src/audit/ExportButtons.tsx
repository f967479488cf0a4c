import { Button, Card, useApi, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { exportPath, type AccessLogFilter, type AuditedAgency } from './accessLog';
import { errorMessageKey } from './errorMessage';

type Outcome = { saved: string } | { error: unknown };

/** One CSV download per agency searched, under the search's filters (each service caps its export at 10,000 rows). */
export function ExportButtons({ agencies, filter }: { agencies: readonly AuditedAgency[]; filter: AccessLogFilter }) {
  const api = useApi();
  const { t, lookup } = useI18n();
  const [busy, setBusy] = useState<AuditedAgency>();
  const [outcome, setOutcome] = useState<Partial<Record<AuditedAgency, Outcome>>>({});

  async function download(agency: AuditedAgency) {
    setBusy(agency);
    let result: Outcome;
    try {
      result = { saved: await api.download(exportPath(agency, filter), `access-log-${agency}.csv`) };
    } catch (error) {
      result = { error };
    }
    setOutcome((current) => ({ ...current, [agency]: result }));
    setBusy(undefined);
  }

  return (
    <Card title={t('audit.export')} testId="audit-export">
      <div className="hg-form__row">
        {agencies.map((agency) => (
          <Button
            key={agency}
            variant="secondary"
            busy={busy === agency}
            data-testid={`audit-export-${agency}`}
            onClick={() => void download(agency)}
          >
            {t('audit.export.agency', { agency: lookup(`audit.agency.${agency}`) ?? agency })}
          </Button>
        ))}
      </div>
      <ul className="audit__errors">
        {agencies.map((agency) => {
          const result = outcome[agency];
          if (!result) return null;
          return 'saved' in result ? (
            <li key={agency} role="status" data-testid={`audit-export-done-${agency}`}>
              {t('audit.export.done', { name: result.saved })}
            </li>
          ) : (
            <li key={agency} role="alert" className="hg-field__error" data-testid={`audit-export-error-${agency}`}>
              {t('audit.error.line', { agency: lookup(`audit.agency.${agency}`) ?? agency, message: t(errorMessageKey(result.error)) })}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
