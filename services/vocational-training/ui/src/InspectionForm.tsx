import { today } from '@hamgam/contracts/days';
import { Button, DateInput, Form, TextInput, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useTvtoApi } from './api';
import { useTvtoAction } from './problems';

interface InspectionDraft {
  date: string;
  inspector: string;
  findings: string;
  passed: boolean;
}

/** The inspection of a documents-complete application: day, inspector, findings, pass or fail. */
export function InspectionForm({ permitId, onDone }: { permitId: string; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const form = useForm<InspectionDraft>({ defaultValues: { date: today(), inspector: '', findings: '', passed: true } });
  const action = useTvtoAction(onDone);
  const { errors } = form.formState;
  const filled = { validate: (v: string) => v.trim().length > 0 || t('vt.required') };
  const id = permitId;

  const submit = form.handleSubmit((draft) =>
    action.run(() => api.inspect(id, { ...draft, inspector: draft.inspector.trim(), findings: draft.findings.trim() })),
  );
  return (
    <Form onSubmit={() => void submit()} error={action.error} testId={`vt-inspection-form-${id}`}>
      <Controller
        control={form.control}
        name="date"
        rules={{ required: t('vt.required') }}
        render={({ field }) => <DateInput label={t('vt.day')} value={field.value} onChange={field.onChange} error={errors.date?.message} />}
      />
      <TextInput
        label={t('vt.permits.inspector')}
        data-testid={`vt-inspector-${id}`}
        {...form.register('inspector', filled)}
        error={errors.inspector?.message}
      />
      <TextInput
        label={t('vt.permits.findings')}
        data-testid={`vt-findings-${id}`}
        {...form.register('findings', filled)}
        error={errors.findings?.message}
      />
      <label className="hg-check">
        <input type="checkbox" data-testid={`vt-inspection-passed-${id}`} {...form.register('passed')} /> {t('vt.permits.passed')}
      </label>
      <Button type="submit" busy={action.busy} data-testid={`vt-inspection-save-${id}`}>
        {t('vt.permits.recordInspection')}
      </Button>
    </Form>
  );
}
