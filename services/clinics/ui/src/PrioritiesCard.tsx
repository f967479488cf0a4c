import { Button, Card, DataTable, ErrorCard, Form, jalaliYear, Loading, NumberInput, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useClinicsApi, type PrioritiesView, type RankedPriority } from './api';
import { categoryLabel, type CategoryLabels } from './needs';
import { ReRankCard } from './residents/ReRankCard';

interface Props {
  neighbourhoodId: string;
  /** The neighbourhood's priorities as a query gives them (data once loaded, the error, reload). */
  state: { data?: PrioritiesView | undefined; error: unknown; reload: () => void };
  categoryLabels: CategoryLabels;
  canPublish: boolean;
  /** Only the clinic worker re-ranks, recording what the residents' meeting (with the representative) agreed; the representative reads. */
  canRerank?: boolean;
}

function PriorityTable({
  rows,
  categoryLabels,
  testId,
  empty,
  computedRanks,
}: {
  rows: RankedPriority[];
  categoryLabels: CategoryLabels;
  testId: string;
  empty?: string;
  computedRanks?: ReadonlyMap<string, number>;
}) {
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
        ...(computedRanks
          ? [
              {
                key: 'computed',
                header: t('rerank.computedRank'),
                render: (p: RankedPriority) => formatNumber(computedRanks.get(p.category) ?? p.rank),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Publishes the draft for a Jalali year (this one proposed) as the list agencies act on. */
function PublishForm({ neighbourhoodId }: { neighbourhoodId: string }) {
  const api = useClinicsApi();
  const { t } = useI18n();
  const { control, handleSubmit, formState } = useForm({ defaultValues: { period: jalaliYear() } });
  // The invalidation fetches the card's priorities again (a reload besides would ask twice).
  const publishing = useApiMutation((year: string) => api.publishPriorities(neighbourhoodId, year), {
    invalidates: [['clinics', 'priorities', neighbourhoodId]],
  });
  return (
    <Form onSubmit={() => void handleSubmit((v) => void publishing.run(v.period))()} error={publishing.error} testId="publish-form">
      <div className="hg-form__row">
        <Controller
          control={control}
          name="period"
          rules={{ validate: (v) => /^\d{4}$/.test(v) || t('clinics.priorities.periodInvalid') }}
          render={({ field }) => (
            <NumberInput
              label={t('clinics.priorities.period')}
              data-testid="period"
              maxLength={4}
              value={field.value}
              onValueChange={field.onChange}
              error={formState.errors.period?.message}
            />
          )}
        />
        <Button type="submit" busy={publishing.busy} data-testid="publish-priorities">
          {t('clinics.priorities.publish')}
        </Button>
      </div>
    </Form>
  );
}

/** The ranking the assessments produce now, and the list the clinic last published for agencies to act on. */
export function PrioritiesCard({ neighbourhoodId, state, categoryLabels, canPublish, canRerank = false }: Props) {
  const { t, lookup, formatDate, formatNumber } = useI18n();
  const [reranking, setReranking] = useState(false);

  if (state.error) return <ErrorCard error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading />;
  const { draft, published, agreed, computed } = state.data;
  const draftComputedRanks = agreed && computed ? new Map(computed.map((p) => [p.category, p.rank])) : undefined;
  const publishedComputedRanks = published?.reranking
    ? new Map(published.reranking.computedRanks.map((p) => [p.category, p.computedRank]))
    : undefined;

  return (
    <>
      <Card title={t('clinics.priorities.draft')}>
        <PriorityTable
          rows={draft}
          categoryLabels={categoryLabels}
          testId="draft-priorities"
          empty={t('clinics.priorities.emptyDraft')}
          computedRanks={draftComputedRanks}
        />
        {agreed && (
          <p data-testid="agreed-order">
            {t('rerank.agreed', {
              date: formatDate(agreed.meetingDate),
              by: lookup(`rerank.by.${agreed.agreedByRole}`) ?? agreed.agreedByRole,
              reason: agreed.reason,
            })}
          </p>
        )}
        {canRerank && draft.length > 1 && !reranking && (
          <Button variant="secondary" onClick={() => setReranking(true)} data-testid="open-rerank">
            {t('rerank.open')}
          </Button>
        )}
        {reranking && (
          <ReRankCard
            neighbourhoodId={neighbourhoodId}
            draft={draft}
            categoryLabels={categoryLabels}
            onCancel={() => setReranking(false)}
            // Its command's invalidation fetches the priorities again.
            onSaved={() => setReranking(false)}
          />
        )}
        {canPublish && draft.length > 0 && <PublishForm neighbourhoodId={neighbourhoodId} />}
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
            {published.reranking && (
              <p data-testid="published-reranking">
                {t('rerank.published', { date: formatDate(published.reranking.meetingDate), reason: published.reranking.reason })}
              </p>
            )}
            <PriorityTable
              rows={published.priorities}
              categoryLabels={categoryLabels}
              testId="published-priorities-table"
              computedRanks={publishedComputedRanks}
            />
          </>
        ) : (
          <p className="hg-empty">{t('clinics.priorities.notPublished')}</p>
        )}
      </Card>
    </>
  );
}
