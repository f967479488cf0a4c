import { Button, ErrorCard, useI18n, useProblemSentence } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useCoordinationApi } from './api';

/** XLSX and CSV downloads of one export, headers in the user's language. */
export function ExportButtons({
  path,
  params,
  name,
  testId,
}: {
  path: string;
  params: Record<string, string | undefined>;
  name: string;
  testId: string;
}) {
  const api = useCoordinationApi();
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<string>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  const explain = useProblemSentence('coordination');

  async function download(format: 'xlsx' | 'csv') {
    setBusy(format);
    setError(undefined);
    try {
      setDone(await api.download(path, { ...params, format, lang: locale }, `${name}.${format}`));
    } catch (failure) {
      setError(explain(failure));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className="hg-form__row">
      <Button variant="secondary" busy={busy === 'xlsx'} onClick={() => void download('xlsx')} data-testid={`${testId}-xlsx`}>
        {t('coordination.export.xlsx')}
      </Button>
      <Button variant="secondary" busy={busy === 'csv'} onClick={() => void download('csv')} data-testid={`${testId}-csv`}>
        {t('coordination.export.csv')}
      </Button>
      {done && (
        <span role="status" data-testid={`${testId}-done`}>
          {t('coordination.export.done', { name: done })}
        </span>
      )}
      {error !== undefined && <ErrorCard error={error} />}
    </div>
  );
}
