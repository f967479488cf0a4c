import { Button, Form, Select, TextInput, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useTvtoApi, type DemandLevel } from './api';
import { useTvtoAction } from './problems';
import { TradePicker, type References } from './references';

interface DemandDraft {
  trade: string;
  level: DemandLevel;
  noteFa: string;
  noteEn: string;
}

/** A trade's place on the office's demand list: how much the market asks for it, with a note in both languages. */
export function DemandForm({ references, onDone }: { references: References; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const trades = references[1];
  const form = useForm<DemandDraft>({ defaultValues: { trade: '', level: 'medium', noteFa: '', noteEn: '' } });
  const action = useTvtoAction(onDone);
  const { errors } = form.formState;
  const filled = { validate: (v: string) => v.trim().length > 0 || t('vt.required') };

  const submit = form.handleSubmit((f) => {
    // The trade's label is its name in the programme's list of trades.
    const chosen = trades.find((tr) => tr.tradeId === f.trade)!;
    return action.run(() =>
      api.setDemand(f.trade, { label: chosen.name, level: f.level, note: { fa: f.noteFa.trim(), en: f.noteEn.trim() } }),
    );
  });
  return (
    <details data-testid="vt-demand-form-toggle">
      <summary>{t('vt.counselling.saveDemand')}</summary>
      <Form onSubmit={() => void submit()} error={action.error} testId="vt-demand-form">
        <Controller
          control={form.control}
          name="trade"
          rules={{ validate: (v) => trades.some((tr) => tr.tradeId === v) || t('vt.required') }}
          render={({ field }) => (
            <TradePicker
              label={t('vt.trade')}
              trades={trades}
              value={field.value}
              testId="vt-demand-trade"
              error={errors.trade?.message}
              onChange={field.onChange}
            />
          )}
        />
        <Controller
          control={form.control}
          name="level"
          render={({ field }) => (
            <Select
              label={t('vt.counselling.level')}
              value={field.value}
              data-testid="vt-demand-level"
              onChange={(e) => field.onChange(e.target.value as DemandLevel)}
              options={(['high', 'medium', 'low'] as const).map((l) => ({ value: l, label: t(`vt.counselling.level.${l}`) }))}
            />
          )}
        />
        <TextInput
          label={`${t('vt.note')} (${t('vt.fa')})`}
          data-testid="vt-demand-noteFa"
          {...form.register('noteFa', filled)}
          error={errors.noteFa?.message}
        />
        <TextInput
          label={`${t('vt.note')} (${t('vt.en')})`}
          data-testid="vt-demand-noteEn"
          {...form.register('noteEn', filled)}
          error={errors.noteEn?.message}
        />
        <Button type="submit" busy={action.busy} data-testid="vt-demand-save">
          {t('vt.counselling.saveDemand')}
        </Button>
      </Form>
    </details>
  );
}
