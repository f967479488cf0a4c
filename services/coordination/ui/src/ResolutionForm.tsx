import { Button, Card, DateInput, Form, Select, TextInput, useI18n, useProblemSentence } from '@hamgam/ui-kit';
import { useState } from 'react';
import { NEED_CATEGORIES, PARTNER_AGENCIES, useCoordinationApi, type Meeting, type NeedCategory, type PartnerAgency } from './api';
import { useLabels } from './labels';

interface DraftAction {
  agency: PartnerAgency;
  title: string;
  dueOn: string;
  answers: NeedCategory | '';
}

const emptyAction = (): DraftAction => ({ agency: 'vocational-training', title: '', dueOn: '', answers: '' });

/** A coordinator passes a resolution with its action items, each for one partner agency. */
export function ResolutionForm({ meeting, onChange }: { meeting: Meeting; onChange: (m: Meeting) => void }) {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const labels = useLabels();
  const [text, setText] = useState('');
  const [actions, setActions] = useState<DraftAction[]>([emptyAction()]);
  const [errors, setErrors] = useState<{ text?: string; actions?: string }>({});
  const [apiError, setApiError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const sentence = useProblemSentence('coordination');

  const edit = (index: number, change: Partial<DraftAction>) => setActions(actions.map((a, i) => (i === index ? { ...a, ...change } : a)));

  async function submit() {
    const found = {
      text: text.trim().length >= 3 ? undefined : t('coordination.resolution.textRequired'),
      actions:
        actions.length > 0 && actions.every((a) => a.title.trim().length >= 3 && a.dueOn !== '')
          ? undefined
          : t('coordination.resolution.actionInvalid'),
    };
    setErrors(found);
    if (found.text || found.actions) return;
    setSaving(true);
    setApiError(undefined);
    try {
      onChange(
        await api.passResolution(meeting.id, {
          text: text.trim(),
          actionItems: actions.map((a) => ({
            agency: a.agency,
            title: a.title.trim(),
            dueOn: a.dueOn,
            answers: a.answers === '' ? null : a.answers,
          })),
        }),
      );
      setText('');
      setActions([emptyAction()]);
    } catch (error) {
      setApiError(sentence(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('coordination.resolution.new')}>
      <Form onSubmit={() => void submit()} error={apiError} testId="resolution-form">
        <TextInput
          label={t('coordination.resolution.text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={errors.text}
          data-testid="resolution-text"
        />
        {actions.map((action, index) => (
          <fieldset
            key={index}
            className="hg-form__row"
            data-testid={`resolution-action-${index}`}
            style={{ border: '1px solid var(--hg-border)', borderRadius: 8 }}
          >
            <legend>{t('coordination.resolution.action', { n: index + 1 })}</legend>
            <Select
              label={t('coordination.resolution.agency')}
              value={action.agency}
              onChange={(e) => edit(index, { agency: e.target.value as PartnerAgency })}
              options={PARTNER_AGENCIES.map((a) => ({ value: a, label: labels.agency(a) }))}
              data-testid={`action-agency-${index}`}
            />
            <TextInput
              label={t('coordination.resolution.actionTitle')}
              value={action.title}
              onChange={(e) => edit(index, { title: e.target.value })}
              data-testid={`action-title-${index}`}
            />
            <DateInput
              label={t('coordination.resolution.due')}
              value={action.dueOn}
              onChange={(dueOn) => edit(index, { dueOn })}
              data-testid={`action-due-${index}`}
            />
            <Select
              label={t('coordination.resolution.answers')}
              value={action.answers}
              onChange={(e) => edit(index, { answers: e.target.value as NeedCategory | '' })}
              options={[
                { value: '', label: labels.category(null) },
                ...NEED_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) })),
              ]}
              data-testid={`action-answers-${index}`}
            />
            {actions.length > 1 && (
              <Button
                variant="secondary"
                onClick={() => setActions(actions.filter((_, i) => i !== index))}
                data-testid={`action-remove-${index}`}
              >
                {t('coordination.resolution.removeAction')}
              </Button>
            )}
          </fieldset>
        ))}
        {errors.actions && (
          <p className="hg-field__error" role="alert">
            {errors.actions}
          </p>
        )}
        <div className="hg-form__row">
          <Button variant="secondary" onClick={() => setActions([...actions, emptyAction()])} data-testid="resolution-add-action">
            {t('coordination.resolution.addAction')}
          </Button>
          <Button type="submit" busy={saving} data-testid="resolution-submit">
            {t('coordination.resolution.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
