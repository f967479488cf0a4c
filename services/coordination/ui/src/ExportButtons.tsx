import { Button, ErrorCard, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useCoordinationApi } from './api';

type Format = 'xlsx' | 'csv';

/** XLSX and CSV downloads of one export (the kit's download), headers in the user's language; a refusal in their words. */
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
  const [format, setFormat] = useState<Format>();
  const [done, setDone] = useState<string>();
  const download = useApiMutation(
    (wanted: Format) => api.download(path, { ...params, format: wanted, lang: locale }, `${name}.${wanted}`),
    {
      module: 'coordination',
      onSuccess: setDone,
    },
  );
  const start = (wanted: Format) => {
    setFormat(wanted);
    setDone(undefined);
    void download.run(wanted);
  };

  return (
    <div className="hg-form__row">
      <Button variant="secondary" busy={download.busy && format === 'xlsx'} onClick={() => start('xlsx')} data-testid={`${testId}-xlsx`}>
        {t('coordination.export.xlsx')}
      </Button>
      <Button variant="secondary" busy={download.busy && format === 'csv'} onClick={() => start('csv')} data-testid={`${testId}-csv`}>
        {t('coordination.export.csv')}
      </Button>
      {done && (
        <span role="status" data-testid={`${testId}-done`}>
          {t('coordination.export.done', { name: done })}
        </span>
      )}
      {download.error && <ErrorCard error={download.error} />}
    </div>
  );
}
