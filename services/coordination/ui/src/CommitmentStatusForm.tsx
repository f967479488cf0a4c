import { Button, DateInput, ErrorCard, Select, TextInput, useApiMutation, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useCoordinationApi, type Commitment, type StatusUpdate } from './api';
import { useLabels } from './labels';

const nextStatuses: Record<Commitment['status'], StatusUpdate['status'][]> = {
  planned: ['in-progress', 'delivered', 'slipped'],
  'in-progress': ['delivered', 'slipped'],
  slipped: ['in-progress', 'delivered'],
  delivered: [],
};

interface Draft {
  status: StatusUpdate['status'];
  evidence: string;
  revisedDueOn: string;
}

/**
 * A coordinator records the status (and evidence, or a new due day with a slip) the working group heard;
 * a refusal naming the new due day shows under it, in the user's language.
 */
export function CommitmentStatusForm({ commitment, onChanged }: { commitment: Commitment; onChanged: () => void }) {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const labels = useLabels();
  const problems = useFieldProblem('coordination');
  const options = nextStatuses[commitment.status];
  const [open, setOpen] = useState(false);
  const form = useForm<Draft>({ defaultValues: { status: options[0]!, evidence: '', revisedDueOn: '' } });
  const record = useApiMutation((body: StatusUpdate) => api.updateStatus(commitment.id, body), {
    module: 'coordination',
    onSuccess: onChanged,
  });
  const status = useWatch({ control: form.control, name: 'status' });
  const save = form.handleSubmit((draft) =>
    record.run({
      status: draft.status,
      evidence: draft.evidence.trim() || null,
      revisedDueOn: draft.status === 'slipped' && draft.revisedDueOn ? draft.revisedDueOn : null,
    }),
  );

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid={`commitment-edit-${commitment.id}`}>
        {t('coordination.commitments.recordStatus')}
      </Button>
    );
  }
  const rest = problems.rest(record.error, ['revisedDueOn', 'evidence']);
  return (
    <div className="hg-form" data-testid={`commitment-update-${commitment.id}`}>
      {rest !== undefined && rest !== null && <ErrorCard error={rest} />}
      <Select
        label={t('coordination.commitments.newStatus')}
        {...form.register('status')}
        options={options.map((s) => ({ value: s, label: labels.status(s) }))}
        data-testid={`commitment-new-status-${commitment.id}`}
      />
      <TextInput
        label={t('coordination.commitments.evidence')}
        {...form.register('evidence')}
        error={problems.of(record.error, 'evidence')}
        data-testid={`commitment-evidence-${commitment.id}`}
      />
      {status === 'slipped' && (
        <Controller
          control={form.control}
          name="revisedDueOn"
          render={({ field }) => (
            <DateInput
              label={t('coordination.commitments.revisedDue')}
              value={field.value}
              onChange={field.onChange}
              error={problems.of(record.error, 'revisedDueOn')}
              data-testid={`commitment-revised-due-${commitment.id}`}
            />
          )}
        />
      )}
      <Button busy={record.busy} onClick={() => void save()} data-testid={`commitment-save-${commitment.id}`}>
        {t('coordination.commitments.update')}
      </Button>
    </div>
  );
}
