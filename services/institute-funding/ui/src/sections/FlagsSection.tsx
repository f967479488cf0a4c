import {
  Badge,
  Button,
  Card,
  DataTable,
  ErrorCard,
  Loading,
  TextInput,
  useApiQuery,
  useAuth,
  useI18n,
  useProblemSentence,
  type Column,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useFundingApi, type DuplicateFlag } from '../api';
import { Code, useLabels } from '../labels';

/** Read again whenever a screen opens (what another screen changed shows), the cached answer meanwhile; refusals in the module's words. */
const fresh = { module: 'if', staleTime: 0 };

/** Households funded twice for one purpose (opaque ids only), and the officers' review of each. */
export function FlagsSection() {
  const api = useFundingApi();
  const { t, lookup, formatNumber } = useI18n();
  const labels = useLabels();
  const canAct = useAuth().hasRole('fund-officer');
  const data = useApiQuery(['institute-funding', 'duplicate-flags'], () => api.flags(), fresh);
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const columns: Column<DuplicateFlag>[] = [
    { key: 'household', header: t('if.flags.household'), render: (f) => <Code>{f.householdNumber}</Code> },
    { key: 'purpose', header: t('if.flags.purpose'), render: (f) => lookup(`if.purpose.${f.purpose}`) ?? f.purpose },
    {
      key: 'sources',
      header: t('if.flags.sources'),
      render: (f) => (
        <>
          <Badge tone={f.crossAgency ? 'danger' : 'warning'} testId={`if-flag-kind-${f.flagId}`}>
            {t(f.crossAgency ? 'if.flags.crossAgency' : 'if.flags.sameAgency')}
          </Badge>
          <ul>
            {f.benefits.map((b) => (
              <li key={b.benefitId}>
                {t(`if.source.${b.source}`)}: {formatNumber(b.amountRials)}
              </li>
            ))}
          </ul>
        </>
      ),
    },
    { key: 'total', header: t('if.flags.total'), render: (f) => labels.rials(f.totalRials) },
    {
      key: 'review',
      header: t('if.flags.review'),
      render: (f) =>
        f.review ? t('if.flags.reviewed', { note: f.review.note }) : canAct ? <ReviewForm flag={f} onDone={data.reload} /> : null,
    },
  ];
  return (
    <Card title={t('if.flags.title')} testId="if-flags">
      <DataTable
        testId="if-flags-table"
        columns={columns}
        rows={data.data}
        rowKey={(f) => f.flagId}
        rowTestId={(f) => `if-flag-${f.flagId}`}
        empty={t('if.flags.empty')}
      />
    </Card>
  );
}

function ReviewForm({ flag, onDone }: { flag: DuplicateFlag; onDone: () => void }) {
  const api = useFundingApi();
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const sentence = useProblemSentence('if');
  const [error, setError] = useState<unknown>();
  return (
    <div>
      {error !== undefined && <ErrorCard error={sentence(error)} />}
      <TextInput
        label={t('if.flags.note')}
        data-testid={`if-flag-note-${flag.flagId}`}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <Button
        variant="secondary"
        disabled={!note.trim()}
        data-testid={`if-flag-review-${flag.flagId}`}
        onClick={() => api.reviewFlag(flag.flagId, note.trim()).then(onDone, setError)}
      >
        {t('if.flags.review')}
      </Button>
    </div>
  );
}
