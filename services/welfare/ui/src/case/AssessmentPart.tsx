import { Button, Card, Form, NumberInput, Select, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { disabilityLevels, housingConditions, incomeLevels, useWelfareApi, type AssessmentAnswers } from '../api';
import { LevelBadge } from '../parts';
import { useChange, type PartProps } from './useChange';

const emptyAnswers: AssessmentAnswers = {
  income: { level: 'sufficient', mainEarnerMonthsUnemployed: 0 },
  housing: { condition: 'adequate' },
  health: { disability: 'none', chronicIllness: false },
  household: { members: 1, dependants: 0, earners: 1, femaleHeaded: false },
};

/** The case's assessment: its result by domain, and the form that (re)assesses the household. */
export function AssessmentPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t, formatNumber } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const start = c.assessment?.answers ?? emptyAnswers;
  const [a, setA] = useState(start);
  const [numbers, setNumbers] = useState({
    months: String(start.income.mainEarnerMonthsUnemployed),
    members: String(start.household.members),
    dependants: String(start.household.dependants),
    earners: String(start.household.earners),
  });
  const [editing, setEditing] = useState(c.assessment === null);
  const [invalid, setInvalid] = useState(false);
  const result = c.assessment?.result;
  const closed = c.state === 'closed';

  async function submit() {
    const n = {
      months: Number(numbers.months),
      members: Number(numbers.members),
      dependants: Number(numbers.dependants),
      earners: Number(numbers.earners),
    };
    if (
      numbers.members === '' ||
      n.members < 1 ||
      n.dependants > n.members ||
      n.earners > n.members ||
      n.dependants + n.earners > n.members
    ) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const answers: AssessmentAnswers = {
      income: { level: a.income.level, mainEarnerMonthsUnemployed: n.months },
      housing: a.housing,
      health: a.health,
      household: { members: n.members, dependants: n.dependants, earners: n.earners, femaleHeaded: a.household.femaleHeaded },
    };
    if (await run(() => api.assess(c.caseId, answers))) setEditing(false);
  }

  return (
    <Card title={t('welfare.assessment.title')} testId="welfare-assessment">
      {result && (
        <p data-testid="welfare-assessment-result">
          <LevelBadge level={result.level} testId="welfare-assessment-level" />{' '}
          {t('welfare.assessment.score', { total: formatNumber(result.total) })} —{' '}
          {(['income', 'housing', 'health', 'household'] as const)
            .map((d) => `${t(`welfare.assessment.${d}`)} ${formatNumber(result.scores[d])}`)
            .join('، ')}
        </p>
      )}
      {!editing && !closed && (
        <Button variant="secondary" data-testid="welfare-assessment-edit" onClick={() => setEditing(true)}>
          {t('welfare.assessment.repeat')}
        </Button>
      )}
      {editing && !closed && (
        <Form onSubmit={submit} error={error} testId="welfare-assessment-form">
          <div className="hg-form__row">
            <Select
              label={t('welfare.assessment.income')}
              data-testid="welfare-assess-income"
              value={a.income.level}
              onChange={(e) => setA({ ...a, income: { ...a.income, level: e.target.value as AssessmentAnswers['income']['level'] } })}
              options={incomeLevels.map((v) => ({ value: v, label: t(`welfare.income.${v}`) }))}
            />
            <NumberInput
              label={t('welfare.assessment.monthsUnemployed')}
              data-testid="welfare-assess-months"
              value={numbers.months}
              onValueChange={(v) => setNumbers({ ...numbers, months: v })}
            />
            <Select
              label={t('welfare.assessment.housing')}
              data-testid="welfare-assess-housing"
              value={a.housing.condition}
              onChange={(e) => setA({ ...a, housing: { condition: e.target.value as AssessmentAnswers['housing']['condition'] } })}
              options={housingConditions.map((v) => ({ value: v, label: t(`welfare.housing.${v}`) }))}
            />
          </div>
          <div className="hg-form__row">
            <Select
              label={t('welfare.assessment.disability')}
              data-testid="welfare-assess-disability"
              value={a.health.disability}
              onChange={(e) =>
                setA({ ...a, health: { ...a.health, disability: e.target.value as AssessmentAnswers['health']['disability'] } })
              }
              options={disabilityLevels.map((v) => ({ value: v, label: t(`welfare.disability.${v}`) }))}
            />
            <label className="hg-field">
              <span className="hg-field__label">{t('welfare.assessment.chronicIllness')}</span>
              <input
                type="checkbox"
                data-testid="welfare-assess-chronic"
                checked={a.health.chronicIllness}
                onChange={(e) => setA({ ...a, health: { ...a.health, chronicIllness: e.target.checked } })}
              />
            </label>
            <label className="hg-field">
              <span className="hg-field__label">{t('welfare.assessment.femaleHeaded')}</span>
              <input
                type="checkbox"
                data-testid="welfare-assess-female-headed"
                checked={a.household.femaleHeaded}
                onChange={(e) => setA({ ...a, household: { ...a.household, femaleHeaded: e.target.checked } })}
              />
            </label>
          </div>
          <div className="hg-form__row">
            <NumberInput
              label={t('welfare.assessment.members')}
              data-testid="welfare-assess-members"
              value={numbers.members}
              onValueChange={(v) => setNumbers({ ...numbers, members: v })}
            />
            <NumberInput
              label={t('welfare.assessment.dependants')}
              data-testid="welfare-assess-dependants"
              value={numbers.dependants}
              onValueChange={(v) => setNumbers({ ...numbers, dependants: v })}
            />
            <NumberInput
              label={t('welfare.assessment.earners')}
              data-testid="welfare-assess-earners"
              value={numbers.earners}
              onValueChange={(v) => setNumbers({ ...numbers, earners: v })}
            />
          </div>
          {invalid && (
            <p className="hg-field__error" data-testid="welfare-assess-invalid">
              {t('welfare.assessment.invalid')}
            </p>
          )}
          <Button type="submit" busy={busy} data-testid="welfare-assess-submit">
            {t('welfare.assessment.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
