import { Button, Card, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { LevelBadge } from '../parts';
import { AssessmentForm } from './AssessmentForm';
import type { PartProps } from './useChange';

/** The case's assessment: its result by domain, and the form that (re)assesses the household. */
export function AssessmentPart({ c, setCase }: PartProps) {
  const { t, formatNumber } = useI18n();
  const [editing, setEditing] = useState(c.assessment === null);
  const result = c.assessment?.result;
  const closed = c.state === 'closed';

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
      {editing && !closed && <AssessmentForm c={c} setCase={setCase} onDone={() => setEditing(false)} />}
    </Card>
  );
}
