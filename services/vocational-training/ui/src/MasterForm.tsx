import { Button, Form, NumberInput, TextInput, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useTvtoApi } from './api';
import { useTvtoAction } from './problems';
import { NeighbourhoodField, TradeField, type References } from './references';

interface MasterDraft {
  name: string;
  guildFa: string;
  guildEn: string;
  trade: string;
  neighbourhoodId: string;
  capacity: string;
}

/** A guild master who takes apprentices: the API makes the id; staff name the master and pick the trade and neighbourhood. */
export function MasterForm({ references, onDone }: { references: References; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const [places, trades] = references;
  const form = useForm<MasterDraft>({
    defaultValues: { name: '', guildFa: '', guildEn: '', trade: '', neighbourhoodId: '', capacity: '2' },
  });
  const action = useTvtoAction(onDone);
  const { errors } = form.formState;
  const filled = { validate: (v: string) => v.trim().length > 0 || t('vt.required') };

  const submit = form.handleSubmit((f) =>
    action.run(() =>
      api.addMaster({
        name: f.name.trim(),
        guild: { fa: f.guildFa.trim(), en: f.guildEn.trim() },
        trade: f.trade,
        neighbourhoodId: f.neighbourhoodId,
        capacity: Number(f.capacity),
      }),
    ),
  );
  const text = (name: 'name' | 'guildFa' | 'guildEn', label: string) => (
    <TextInput label={label} data-testid={`vt-master-${name}`} {...form.register(name, filled)} error={errors[name]?.message} />
  );
  return (
    <details data-testid="vt-master-form-toggle">
      <summary>{t('vt.apprenticeships.addMaster')}</summary>
      <Form onSubmit={() => void submit()} error={action.error} testId="vt-master-form">
        {text('name', t('vt.apprenticeships.name'))}
        {text('guildFa', `${t('vt.apprenticeships.guild')} (${t('vt.fa')})`)}
        {text('guildEn', `${t('vt.apprenticeships.guild')} (${t('vt.en')})`)}
        <TradeField control={form.control} name="trade" trades={trades} testId="vt-master-trade" />
        <NeighbourhoodField control={form.control} name="neighbourhoodId" places={places} testId="vt-master-neighbourhoodId" />
        <Controller
          control={form.control}
          name="capacity"
          rules={{ validate: (v) => Number(v) > 0 || t('vt.required') }}
          render={({ field }) => (
            <NumberInput
              label={t('vt.courses.capacity')}
              value={field.value}
              data-testid="vt-master-capacity"
              onValueChange={field.onChange}
              error={errors.capacity?.message}
            />
          )}
        />
        <Button type="submit" busy={action.busy} data-testid="vt-master-submit">
          {t('vt.apprenticeships.addMaster')}
        </Button>
      </Form>
    </details>
  );
}
