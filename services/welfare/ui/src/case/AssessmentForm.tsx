import { Button, Form, NumberInput, Select, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { disabilityLevels, housingConditions, incomeLevels, useWelfareApi, type AssessmentAnswers } from '../api';
import { useChange, type PartProps } from './useChange';

const emptyAnswers: AssessmentAnswers = {
  income: { level: 'sufficient', mainEarnerMonthsUnemployed: 0 },
  housing: { condition: 'adequate' },
  health: { disability: 'none', chronicIllness: false },
  household: { members: 1, dependants: 0, earners: 1, femaleHeaded: false },
};

/** The answers as typed: the counts stay text (NumberInput) until they are sent. */
interface Draft {
  income: AssessmentAnswers['income']['level'];
  months: string;
  housing: AssessmentAnswers['housing']['condition'];
  disability: AssessmentAnswers['health']['disability'];
  chronicIllness: boolean;
  femaleHeaded: boolean;
  members: string;
  dependants: string;
  earners: string;
}

function draftOf(a: AssessmentAnswers): Draft {
  return {
    income: a.income.level,
    months: String(a.income.mainEarnerMonthsUnemployed),
    housing: a.housing.condition,
    disability: a.health.disability,
    chronicIllness: a.health.chronicIllness,
    femaleHeaded: a.household.femaleHeaded,
    members: String(a.household.members),
    dependants: String(a.household.dependants),
    earners: String(a.household.earners),
  };
}

/** A household has a member, and its dependants and earners together are not more than its members. */
function possible(d: Draft): boolean {
  const [members, dependants, earners] = [Number(d.members), Number(d.dependants), Number(d.earners)];
  return d.members !== '' && members >= 1 && dependants + earners <= members;
}

type Count = 'months' | 'members' | 'dependants' | 'earners';

/** (Re)assesses the household: the last answers (or a household of one) are proposed. */
export function AssessmentForm({ c, setCase, onDone }: PartProps & { onDone: () => void }) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const problems = useFieldProblem('welfare');
  const form = useForm<Draft>({ defaultValues: draftOf(c.assessment?.answers ?? emptyAnswers) });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (d) => {
    const answers: AssessmentAnswers = {
      income: { level: d.income, mainEarnerMonthsUnemployed: Number(d.months) },
      housing: { condition: d.housing },
      health: { disability: d.disability, chronicIllness: d.chronicIllness },
      household: { members: Number(d.members), dependants: Number(d.dependants), earners: Number(d.earners), femaleHeaded: d.femaleHeaded },
    };
    if (await run(() => api.assess(c.caseId, answers))) onDone();
  });
  // The household's numbers are judged together: the sentence is kept on `members`, and a change of any
  // of the three judges them again once the form was sent.
  const count = (name: Count, label: string, testId: string, apiField: string) => (
    <Controller
      control={form.control}
      name={name}
      rules={
        name === 'members'
          ? { validate: (_, d) => possible(d) || t('welfare.assessment.invalid') }
          : { deps: name === 'months' ? [] : ['members'] }
      }
      render={({ field }) => (
        <NumberInput
          label={label}
          data-testid={testId}
          value={field.value}
          onValueChange={field.onChange}
          error={problems.of(error, apiField)}
        />
      )}
    />
  );
  const householdFields = ['household.members', 'household.dependants', 'household.earners'];

  return (
    <Form
      onSubmit={() => void submit()}
      error={problems.rest(error, ['income.mainEarnerMonthsUnemployed', ...householdFields])}
      testId="welfare-assessment-form"
    >
      <div className="hg-form__row">
        <Select
          label={t('welfare.assessment.income')}
          data-testid="welfare-assess-income"
          {...form.register('income')}
          options={incomeLevels.map((v) => ({ value: v, label: t(`welfare.income.${v}`) }))}
        />
        {count('months', t('welfare.assessment.monthsUnemployed'), 'welfare-assess-months', 'income.mainEarnerMonthsUnemployed')}
        <Select
          label={t('welfare.assessment.housing')}
          data-testid="welfare-assess-housing"
          {...form.register('housing')}
          options={housingConditions.map((v) => ({ value: v, label: t(`welfare.housing.${v}`) }))}
        />
      </div>
      <div className="hg-form__row">
        <Select
          label={t('welfare.assessment.disability')}
          data-testid="welfare-assess-disability"
          {...form.register('disability')}
          options={disabilityLevels.map((v) => ({ value: v, label: t(`welfare.disability.${v}`) }))}
        />
        <label className="hg-field">
          <span className="hg-field__label">{t('welfare.assessment.chronicIllness')}</span>
          <input type="checkbox" data-testid="welfare-assess-chronic" {...form.register('chronicIllness')} />
        </label>
        <label className="hg-field">
          <span className="hg-field__label">{t('welfare.assessment.femaleHeaded')}</span>
          <input type="checkbox" data-testid="welfare-assess-female-headed" {...form.register('femaleHeaded')} />
        </label>
      </div>
      <div className="hg-form__row">
        {count('members', t('welfare.assessment.members'), 'welfare-assess-members', 'household.members')}
        {count('dependants', t('welfare.assessment.dependants'), 'welfare-assess-dependants', 'household.dependants')}
        {count('earners', t('welfare.assessment.earners'), 'welfare-assess-earners', 'household.earners')}
      </div>
      {errors.members?.message && (
        <p className="hg-field__error" data-testid="welfare-assess-invalid">
          {errors.members.message}
        </p>
      )}
      <Button type="submit" busy={busy} data-testid="welfare-assess-submit">
        {t('welfare.assessment.submit')}
      </Button>
    </Form>
  );
}
