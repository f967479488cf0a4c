import { today } from '@hamgam/contracts/days';
import { Badge, Button, Card, DateInput, ErrorCard, Form, Select, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useWelfareApi, type EligibilityFlag } from '../api';
import { useChange, type PartProps } from './useChange';

/** Eligibility flags: those held (each revocable), and confirming one the assessment suggests. */
export function FlagsPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t, formatDate } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const suggested = (c.assessment?.result.suggestedFlags ?? []).filter((f) => !c.flags.some((held) => held.flag === f && held.active));

  return (
    <Card title={t('welfare.flags.title')} testId="welfare-flags">
      <p className="hg-muted">{t('welfare.flags.explain')}</p>
      {error !== undefined && <ErrorCard error={error} />}
      {c.flags.length === 0 ? (
        <p className="hg-empty">{t('welfare.flags.empty')}</p>
      ) : (
        <ul>
          {c.flags.map((f) => (
            <li key={f.flagId} data-testid={`welfare-flag-${f.flagId}`}>
              {t(`welfare.flag.${f.flag}`)} — {t('welfare.flags.until', { date: formatDate(f.validUntil) })}{' '}
              <Badge tone={f.active ? 'success' : 'neutral'} testId={`welfare-flag-status-${f.flagId}`}>
                {t(f.revokedAt ? 'welfare.flags.revoked' : f.active ? 'welfare.flags.active' : 'welfare.flags.expired')}
              </Badge>{' '}
              {!f.revokedAt && (
                <Button
                  variant="secondary"
                  busy={busy}
                  data-testid={`welfare-flag-revoke-${f.flagId}`}
                  onClick={() => run(() => api.revoke(c.caseId, f.flagId))}
                >
                  {t('welfare.flags.revoke')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {c.state !== 'closed' && c.assessment && suggested.length > 0 && <FlagForm c={c} setCase={setCase} suggested={suggested} />}
    </Card>
  );
}

/** Confirms one of the flags the assessment suggests, valid until a day (half a year on is proposed). */
function FlagForm({ c, setCase, suggested }: PartProps & { suggested: EligibilityFlag[] }) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const problems = useFieldProblem('welfare');
  const form = useForm<{ flag: EligibilityFlag | ''; validUntil: string }>({ defaultValues: { flag: '', validUntil: today(180) } });
  const picked = useWatch({ control: form.control, name: 'flag' });
  // Until one is picked (or once the picked one is confirmed), the first suggested flag is proposed.
  const chosen = picked && suggested.includes(picked) ? picked : suggested[0]!;
  const { errors } = form.formState;
  const submit = form.handleSubmit(({ validUntil }) => run(() => api.flag(c.caseId, chosen, validUntil)));
  return (
    <Form onSubmit={() => void submit()} error={problems.rest(error, ['flag', 'validUntil'])} testId="welfare-flag-form">
      <div className="hg-form__row">
        <Select
          label={t('welfare.flags.flag')}
          data-testid="welfare-flag-select"
          value={chosen}
          onChange={(e) => form.setValue('flag', e.target.value as EligibilityFlag)}
          options={suggested.map((f) => ({ value: f, label: t(`welfare.flag.${f}`) }))}
        />
        <Controller
          control={form.control}
          name="validUntil"
          rules={{ required: t('welfare.required') }}
          render={({ field }) => (
            <DateInput
              label={t('welfare.flags.validUntil')}
              data-testid="welfare-flag-until"
              value={field.value}
              onChange={field.onChange}
              error={errors.validUntil?.message ?? problems.of(error, 'validUntil')}
            />
          )}
        />
      </div>
      <Button type="submit" busy={busy} data-testid="welfare-flag-submit">
        {t('welfare.flags.confirm')}
      </Button>
    </Form>
  );
}
