import { Button, Card, Form, ReferencePicker, useApiMutation, useFieldProblem, useI18n, type ReferenceOption } from '@hamgam/ui-kit';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWelfareApi, type KnownHousehold } from '../api';
import { usePlaces } from '../parts';

/**
 * Opens a case directly for a household welfare knows of: picked from the households the clinics named in
 * their referrals to welfare (by tracking code, with where and for what), never typed as an id; the
 * neighbourhood is picked by name from the programme's list (the household's own is proposed).
 */
export function OpenCaseForm({ base }: { base: string }) {
  const api = useWelfareApi();
  const { t, localize, formatDate } = useI18n();
  const navigate = useNavigate();
  const places = usePlaces();
  // The rows the last search answered: the picker gives back the referral's id, the case needs its household.
  const found = useRef(new Map<string, KnownHousehold>());
  const [household, setHousehold] = useState<KnownHousehold | null>(null);
  const [neighbourhoodId, setNeighbourhoodId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ household?: string; neighbourhood?: string }>({});
  const open = useApiMutation(
    (picked: KnownHousehold) =>
      api.open({
        householdRef: picked.householdRef,
        residentRef: picked.residentRef,
        neighbourhoodId: neighbourhoodId!,
        clinicId: picked.neighbourhoodId === neighbourhoodId ? picked.clinicId : null,
      }),
    { invalidates: [['welfare', 'caseload']], onSuccess: (opened) => navigate(`${base}/${opened.caseId}`) },
  );

  const describe = (h: KnownHousehold): ReferenceOption => ({
    value: h.referralId,
    label: `${h.trackingCode} · ${h.neighbourhoodName ? localize(h.neighbourhoodName) : t('welfare.place.unknown')}`,
    hint: [h.offerTitle ? localize(h.offerTitle) : null, formatDate(h.madeAt), h.openCase ? t('welfare.open.hasCase') : null]
      .filter(Boolean)
      .join(' · '),
  });
  async function search(text: string) {
    const rows = await api.households(text);
    found.current = new Map(rows.map((h) => [h.referralId, h]));
    return rows.map(describe);
  }
  function pick(referralId: string | null) {
    const picked = referralId ? (found.current.get(referralId) ?? null) : null;
    setHousehold(picked);
    // The household's own neighbourhood is the likely one; the officer may pick another.
    if (picked) setNeighbourhoodId(picked.neighbourhoodId);
  }
  function submit() {
    const missing = {
      household: household ? undefined : t('welfare.open.pickHousehold'),
      neighbourhood: neighbourhoodId ? undefined : t('welfare.required'),
    };
    setErrors(missing);
    if (household && neighbourhoodId) void open.run(household);
  }
  // A refusal naming a field (422 neighbourhood-unknown) is said under it, in the officer's language.
  const problems = useFieldProblem('welfare');
  const fieldError = (field: string) => problems.of(open.error, field);

  return (
    <Card title={t('welfare.open.title')} testId="welfare-open">
      <p className="hg-muted">{t('welfare.open.explain')}</p>
      <Form onSubmit={submit} error={problems.rest(open.error, ['neighbourhoodId'])} testId="welfare-open-form">
        <div className="hg-form__row">
          <ReferencePicker
            label={t('welfare.open.household')}
            placeholder={t('welfare.open.householdHint')}
            value={household?.referralId ?? null}
            onChange={(value) => pick(value)}
            search={search}
            error={errors.household}
            required
            testId="welfare-open-household"
          />
          <ReferencePicker
            label={t('welfare.open.neighbourhood')}
            value={neighbourhoodId}
            onChange={(value) => setNeighbourhoodId(value)}
            options={places.neighbourhoods.map((n) => ({ value: n.neighbourhoodId, label: localize(n.name) }))}
            error={errors.neighbourhood ?? fieldError('neighbourhoodId')}
            required
            testId="welfare-open-neighbourhood"
          />
        </div>
        <Button type="submit" busy={open.busy} data-testid="welfare-open-submit">
          {t('welfare.open.submit')}
        </Button>
      </Form>
    </Card>
  );
}
