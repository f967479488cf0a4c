import { Button, Card, Form, TextInput, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWelfareApi } from '../api';
import { useProblemSentence } from '../problems';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Opens a case directly, for a household the clinic identified by its opaque reference. */
export function OpenCaseForm({ base }: { base: string }) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [householdRef, setHouseholdRef] = useState('');
  const [neighbourhoodId, setNeighbourhoodId] = useState('');
  const [errors, setErrors] = useState<{ household?: string; neighbourhood?: string }>({});
  const sentence = useProblemSentence();
  const [apiError, setApiError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    const found = {
      household: uuid.test(householdRef.trim()) ? undefined : t('welfare.open.badRef'),
      neighbourhood: slug.test(neighbourhoodId.trim()) ? undefined : t('welfare.required'),
    };
    setErrors(found);
    if (found.household || found.neighbourhood) return;
    setSaving(true);
    setApiError(undefined);
    try {
      const opened = await api.open({ householdRef: householdRef.trim().toLowerCase(), neighbourhoodId: neighbourhoodId.trim() });
      navigate(`${base}/${opened.caseId}`);
    } catch (failure) {
      setApiError(sentence(failure));
      setSaving(false);
    }
  }

  return (
    <Card title={t('welfare.open.title')} testId="welfare-open">
      <Form onSubmit={submit} error={apiError} testId="welfare-open-form">
        <div className="hg-form__row">
          <TextInput
            label={t('welfare.open.household')}
            dir="ltr"
            data-testid="welfare-open-household"
            value={householdRef}
            onChange={(e) => setHouseholdRef(e.target.value)}
            error={errors.household}
          />
          <TextInput
            label={t('welfare.open.neighbourhood')}
            dir="ltr"
            data-testid="welfare-open-neighbourhood"
            value={neighbourhoodId}
            onChange={(e) => setNeighbourhoodId(e.target.value)}
            error={errors.neighbourhood}
          />
        </div>
        <Button type="submit" busy={saving} data-testid="welfare-open-submit">
          {t('welfare.open.submit')}
        </Button>
      </Form>
    </Card>
  );
}
