import {
  Button,
  Card,
  DataTable,
  ErrorCard,
  Form,
  jalaliYear,
  Loading,
  NumberInput,
  useI18n,
  type AsyncState,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useClinicsApi, type PrioritiesView, type RankedPriority } from './api';
import { categoryLabel, type CategoryLabels } from './needs';

interface Props {
  neighbourhoodId: string;
  state: AsyncState<PrioritiesView>;
  categoryLabels: CategoryLabels;
  canPublish: boolean;
}

function PriorityTable({ rows, categoryLabels, testId, empty }: { rows: RankedPriority[]; categoryLabels: CategoryLabels; testId: string; empty?: string }) {
  const { t, formatNumber, localize } = useI18n();
  return (
    <DataTable
      testId={testId}
      rows={rows}
      rowKey={(p) => p.category}
      rowTestId={(p) => `${testId}-${p.category}`}
      empty={empty}
      columns={[
        { key: 'rank', header: t('clinics.priorities.rank'), render: (p) => formatNumber(p.rank) },
        { key: 'category', header: t('clinics.priorities.category'), render: (p) => categoryLabel(categoryLabels, p.category, localize) },
        { key: 'score', header: t('clinics.priorities.score'), render: (p) => formatNumber(p.score, { maximumFractionDigits: 1 }) },
        { key: 'households', header: t('clinics.priorities.households'), render: (p) => formatNumber(p.households) },
      ]}
    />
  );
}

/** The ranking the assessments produce now, and the list the clinic last published for agencies to act on. */
export function PrioritiesCard({ neighbourhoodId, state, categoryLabels, canPublish }: Props) {
  const api = useClinicsApi();
  const { t, formatDate, formatNumber } = useI18n();
  const [period, setPeriod] = useState(() => jalaliYear());
  const [periodError, setPeriodError] = useState<string>();
  const [publishError, setPublishError] = useState<unknown>();
  const [publishing, setPublishing] = useState(false);

  if (state.error) return <ErrorCard error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading />;
  const { draft, published } = state.data;

  async function publish() {
    const invalid = /^\d{4}$/.test(period) ? undefined : t('clinics.priorities.periodInvalid');
    setPeriodError(invalid);
    if (invalid) return;
    setPublishing(true);
    setPublishError(undefined);
    try {
      await api.publishPriorities(neighbourhoodId, period);
      state.reload();
    } catch (error) {
      setPublishError(error);
    } finally {
      setPublishing(false);
    }
  }

  return (
    <>
      <Card title={t('clinics.priorities.draft')}>
        <PriorityTable rows={draft} categoryLabels={categoryLabels} testId="draft-priorities" empty={t('clinics.priorities.emptyDraft')} />
        {canPublish && draft.length > 0 && (
          <Form onSubmit={publish} error={publishError} testId="publish-form">
            <div className="hg-form__row">
              <NumberInput
                label={t('clinics.priorities.period')}
                data-testid="period"
                maxLength={4}
                value={period}
                onValueChange={setPeriod}
                error={periodError}
              />
              <Button type="submit" busy={publishing} data-testid="publish-priorities">
                {t('clinics.priorities.publish')}
              </Button>
            </div>
          </Form>
        )}
      </Card>
      <Card title={t('clinics.priorities.published')} testId="published-priorities">
        {published ? (
          <>
            {/* data-version lets tests wait for the list they just published rather than the previous one. */}
            <p data-testid="published-meta" data-version={published.version}>
              {t('clinics.priorities.publishedMeta', {
                version: published.version,
                period: formatNumber(Number(published.period), { useGrouping: false }),
                date: formatDate(published.publishedAt),
              })}
            </p>
            <PriorityTable rows={published.priorities} categoryLabels={categoryLabels} testId="published-priorities-table" />
          </>
        ) : (
          <p className="hg-empty">{t('clinics.priorities.notPublished')}</p>
        )}
      </Card>
    </>
  );
}
