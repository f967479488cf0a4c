import { Badge, Button, Card, DataTable, ErrorCard, Loading, Select, TextInput, useAsync, useI18n, type Column } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PARTNER_AGENCIES, STATUSES, useCoordinationApi, type Commitment, type CommitmentFilter, type NeighbourhoodRef, type StatusUpdate } from './api';
import { ExportButtons } from './ExportButtons';
import { statusTone, useCanWrite, useLabels } from './labels';
import { NeighbourhoodPicker } from './NeighbourhoodPicker';

/** Every commitment the user may see, filtered through the URL, with overdue flags; coordinators record statuses. */
export function CommitmentsPage() {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const labels = useLabels();
  const [search, setSearch] = useSearchParams();
  const filter: CommitmentFilter = {
    neighbourhoodId: search.get('neighbourhoodId') ?? undefined,
    agency: search.get('agency') ?? undefined,
    status: search.get('status') ?? undefined,
    overdue: (search.get('overdue') as CommitmentFilter['overdue'] | null) ?? undefined,
  };
  const key = search.toString();
  const neighbourhoods = useAsync(() => api.neighbourhoods(), [api]);
  const commitments = useAsync(() => api.commitments(filter), [api, key]);

  const setFilter = (name: keyof CommitmentFilter, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };

  const all = { value: '', label: t('coordination.commitments.all') };
  return (
    <>
      <Card title={t('coordination.commitments.title')}>
        <div className="hg-form__row" data-testid="commitment-filters">
          <NeighbourhoodPicker neighbourhoods={neighbourhoods.data ?? []} value={filter.neighbourhoodId ?? ''} onChange={(v) => setFilter('neighbourhoodId', v)} allowAll testId="filter-neighbourhood" />
          <Select
            label={t('coordination.commitments.agency')}
            value={filter.agency ?? ''}
            onChange={(e) => setFilter('agency', e.target.value)}
            options={[all, ...PARTNER_AGENCIES.map((a) => ({ value: a, label: labels.agency(a) }))]}
            data-testid="filter-agency"
          />
          <Select
            label={t('coordination.commitments.status')}
            value={filter.status ?? ''}
            onChange={(e) => setFilter('status', e.target.value)}
            options={[all, ...STATUSES.map((s) => ({ value: s, label: labels.status(s) }))]}
            data-testid="filter-status"
          />
          <Select
            label={t('coordination.commitments.overdueFilter')}
            value={filter.overdue ?? ''}
            onChange={(e) => setFilter('overdue', e.target.value)}
            options={[all, { value: 'true', label: t('coordination.commitments.overdueOnly') }, { value: 'false', label: t('coordination.commitments.notOverdue') }]}
            data-testid="filter-overdue"
          />
        </div>
        <ExportButtons path="/commitments/export" params={{ ...filter }} name="commitments" testId="commitments-export" />
      </Card>
      {commitments.error ? (
        <ErrorCard error={commitments.error} onRetry={commitments.reload} />
      ) : !commitments.data ? (
        <Loading />
      ) : (
        <Card>
          <CommitmentsTable rows={commitments.data} neighbourhoods={neighbourhoods.data ?? []} onChanged={commitments.reload} />
        </Card>
      )}
    </>
  );
}

function CommitmentsTable({ rows, neighbourhoods, onChanged }: { rows: Commitment[]; neighbourhoods: readonly NeighbourhoodRef[]; onChanged: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const canWrite = useCanWrite();
  const columns: Column<Commitment>[] = [
    { key: 'neighbourhood', header: t('coordination.neighbourhood'), render: (c) => labels.neighbourhood(c.neighbourhoodId, neighbourhoods) },
    { key: 'agency', header: t('coordination.commitments.agency'), render: (c) => labels.agency(c.agency) },
    {
      key: 'what',
      header: t('coordination.commitments.what'),
      render: (c) => (
        <>
          <div>{c.title}</div>
          <div className="hg-empty">{t(`coordination.commitments.source.${c.source}`)}</div>
        </>
      ),
    },
    { key: 'answers', header: t('coordination.commitments.answers'), render: (c) => labels.category(c.answers) },
    {
      key: 'status',
      header: t('coordination.commitments.status'),
      render: (c) => (
        <>
          <Badge tone={statusTone[c.status]} testId={`commitment-status-${c.id}`}>
            {labels.status(c.status)}
          </Badge>{' '}
          {c.overdue && (
            <Badge tone="danger" testId={`commitment-overdue-${c.id}`}>
              {t('coordination.overdue')}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'due',
      header: t('coordination.commitments.due'),
      render: (c) => (
        <>
          <div style={{ whiteSpace: 'nowrap' }}>{labels.day(c.effectiveDueOn)}</div>
          {c.deliveredOn && <div className="hg-empty">{t('coordination.commitments.delivered', { date: labels.day(c.deliveredOn) })}</div>}
        </>
      ),
    },
    { key: 'evidence', header: t('coordination.commitments.evidence'), render: (c) => c.evidence ?? t('common.none') },
  ];
  if (canWrite) {
    columns.push({ key: 'update', header: t('coordination.commitments.newStatus'), render: (c) => (c.status === 'delivered' ? null : <StatusForm commitment={c} onChanged={onChanged} />) });
  }
  // Not DataTable: each row carries its status and overdue flag as data attributes for the browser story.
  return rows.length === 0 ? (
    <DataTable columns={columns} rows={rows} rowKey={(c) => c.id} empty={t('coordination.commitments.empty')} testId="commitments-table" />
  ) : (
    <div style={{ overflowX: 'auto' }}>
      <table className="hg-table" data-testid="commitments-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid={`commitment-row-${row.id}`} data-overdue={row.overdue} data-status={row.status}>
              {columns.map((c) => (
                <td key={c.key}>{c.render(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const nextStatuses: Record<Commitment['status'], StatusUpdate['status'][]> = {
  planned: ['in-progress', 'delivered', 'slipped'],
  'in-progress': ['delivered', 'slipped'],
  slipped: ['in-progress', 'delivered'],
  delivered: [],
};

function StatusForm({ commitment, onChanged }: { commitment: Commitment; onChanged: () => void }) {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const labels = useLabels();
  const options = nextStatuses[commitment.status];
  const [status, setStatus] = useState<StatusUpdate['status']>(options[0]!);
  const [evidence, setEvidence] = useState('');
  const [revisedDueOn, setRevisedDueOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState(false);

  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      await api.updateStatus(commitment.id, { status, evidence: evidence.trim() || null, revisedDueOn: status === 'slipped' && revisedDueOn ? revisedDueOn : null });
      onChanged();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid={`commitment-edit-${commitment.id}`}>
        {t('coordination.commitments.recordStatus')}
      </Button>
    );
  }
  return (
    <div className="hg-form" data-testid={`commitment-update-${commitment.id}`} style={{ minInlineSize: '14rem' }}>
      {error !== undefined && <ErrorCard error={error} />}
      <Select label={t('coordination.commitments.newStatus')} value={status} onChange={(e) => setStatus(e.target.value as StatusUpdate['status'])} options={options.map((s) => ({ value: s, label: labels.status(s) }))} data-testid={`commitment-new-status-${commitment.id}`} />
      <TextInput label={t('coordination.commitments.evidence')} value={evidence} onChange={(e) => setEvidence(e.target.value)} data-testid={`commitment-evidence-${commitment.id}`} />
      {status === 'slipped' && (
        <TextInput label={t('coordination.commitments.revisedDue')} type="date" value={revisedDueOn} onChange={(e) => setRevisedDueOn(e.target.value)} data-testid={`commitment-revised-due-${commitment.id}`} />
      )}
      <Button busy={busy} onClick={() => void save()} data-testid={`commitment-save-${commitment.id}`}>
        {t('coordination.commitments.update')}
      </Button>
    </div>
  );
}
