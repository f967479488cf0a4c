import { Button, DateInput, ErrorCard, Select, TextInput, useI18n, useProblemSentence } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useCoordinationApi, type Commitment, type StatusUpdate } from './api';
import { useLabels } from './labels';

const nextStatuses: Record<Commitment['status'], StatusUpdate['status'][]> = {
  planned: ['in-progress', 'delivered', 'slipped'],
  'in-progress': ['delivered', 'slipped'],
  slipped: ['in-progress', 'delivered'],
  delivered: [],
};

/** A coordinator records the status (and evidence, or a new due day with a slip) the working group heard. */
export function CommitmentStatusForm({ commitment, onChanged }: { commitment: Commitment; onChanged: () => void }) {
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
  const sentence = useProblemSentence('coordination');

  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      await api.updateStatus(commitment.id, {
        status,
        evidence: evidence.trim() || null,
        revisedDueOn: status === 'slipped' && revisedDueOn ? revisedDueOn : null,
      });
      onChanged();
    } catch (failure) {
      setError(sentence(failure));
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
      <Select
        label={t('coordination.commitments.newStatus')}
        value={status}
        onChange={(e) => setStatus(e.target.value as StatusUpdate['status'])}
        options={options.map((s) => ({ value: s, label: labels.status(s) }))}
        data-testid={`commitment-new-status-${commitment.id}`}
      />
      <TextInput
        label={t('coordination.commitments.evidence')}
        value={evidence}
        onChange={(e) => setEvidence(e.target.value)}
        data-testid={`commitment-evidence-${commitment.id}`}
      />
      {status === 'slipped' && (
        <DateInput
          label={t('coordination.commitments.revisedDue')}
          value={revisedDueOn}
          onChange={setRevisedDueOn}
          data-testid={`commitment-revised-due-${commitment.id}`}
        />
      )}
      <Button busy={busy} onClick={() => void save()} data-testid={`commitment-save-${commitment.id}`}>
        {t('coordination.commitments.update')}
      </Button>
    </div>
  );
}
