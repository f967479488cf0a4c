import { Button, Card, DateInput, Form, Select, TextInput, useApiMutation, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useReliefApi, type AgreementFields, type Partner } from './api';
import { Textarea } from './common';

interface Draft {
  partner: Partner;
  title: string;
  scope: string;
  startsOn: string;
  endsOn: string;
  signedOn: string;
}

/** The fields a refusal may name, each shown under its own field (the rest above the form). */
const fields = ['partner', 'title', 'scope', 'startsOn', 'endsOn', 'signedOn'] as const;
type DayField = 'startsOn' | 'endsOn' | 'signedOn';

/** A partner's own officer records its agreement: a draft until it has its signing day. */
export function NewAgreementForm({ partners, onCreated }: { partners: Partner[]; onCreated: () => void }) {
  const api = useReliefApi();
  const { t, lookup } = useI18n();
  const problems = useFieldProblem('relief');
  const form = useForm<Draft>({ defaultValues: { partner: partners[0]!, title: '', scope: '', startsOn: '', endsOn: '', signedOn: '' } });
  const create = useApiMutation((body: AgreementFields) => api.createAgreement(body), {
    module: 'relief',
    onSuccess: () => {
      form.setValue('title', '');
      form.setValue('scope', '');
      onCreated();
    },
  });
  const required = t('relief.new.required');
  const submit = form.handleSubmit((draft) =>
    create.run({
      partner: draft.partner,
      title: draft.title.trim(),
      scope: draft.scope.trim(),
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      signedOn: draft.signedOn || null,
      status: draft.signedOn ? 'signed' : 'draft',
    }),
  );
  const { errors } = form.formState;
  const fieldError = (name: (typeof fields)[number]) => errors[name]?.message ?? problems.of(create.error, name);
  const day = (name: DayField, label: string, testId: string, validate?: (v: string, draft: Draft) => true | string) => (
    <Controller
      control={form.control}
      name={name}
      rules={validate ? { validate } : {}}
      render={({ field }) => (
        <DateInput label={label} value={field.value} onChange={field.onChange} error={fieldError(name)} data-testid={testId} />
      )}
    />
  );
  return (
    <Card title={t('relief.agreements.new')}>
      <Form onSubmit={() => void submit()} error={problems.rest(create.error, fields) ?? undefined} testId="agreement-form">
        <div className="hg-form__row">
          <Select
            label={t('relief.agreements.partner')}
            {...form.register('partner')}
            options={partners.map((p) => ({ value: p, label: lookup(`relief.agency.${p}`) ?? p }))}
            data-testid="agreement-partner"
          />
          <TextInput
            label={t('relief.projects.name')}
            {...form.register('title', { validate: (v) => v.trim() !== '' || required })}
            error={fieldError('title')}
            data-testid="agreement-title"
          />
          {day('startsOn', t('relief.agreements.start'), 'agreement-start', (v) => v !== '' || required)}
          {day('endsOn', t('relief.agreements.end'), 'agreement-end', (v, draft) =>
            v === '' ? required : draft.startsOn === '' || v >= draft.startsOn || t('relief.problem.agreement-ends-before-start'),
          )}
          {day('signedOn', t('relief.agreements.signed'), 'agreement-signed')}
        </div>
        <Textarea
          label={t('relief.projects.scope')}
          {...form.register('scope', { validate: (v) => v.trim() !== '' || required })}
          error={fieldError('scope')}
          data-testid="agreement-scope"
        />
        <div>
          <Button type="submit" busy={create.busy} data-testid="agreement-create">
            {t('relief.agreements.create')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
