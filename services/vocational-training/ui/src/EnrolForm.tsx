import { Button, Card, ErrorCard, Select, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTvtoApi, type PickableReferral } from './api';
import { useTvtoAction } from './problems';
import { NeighbourhoodPicker, ReferralPicker, useReferences } from './references';

interface WalkInDraft {
  resident: PickableReferral | undefined;
  neighbourhoodId: string;
}

/** Enrolment in a course: from a referral the course's clinic made (one pick), or a walk-in resident. */
export function EnrolForm({
  courseId,
  waiting,
  onDone,
}: {
  courseId: string;
  waiting: { referralId: string; trackingCode: string }[];
  onDone: () => void;
}) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const references = useReferences();
  const [referralId, setReferralId] = useState(waiting[0]?.referralId ?? '');
  const walkIn = useForm<WalkInDraft>({ defaultValues: { resident: undefined, neighbourhoodId: '' } });
  const action = useTvtoAction(() => (walkIn.setValue('resident', undefined), onDone()));
  const enrolWalkIn = walkIn.handleSubmit((draft) =>
    action.run(() =>
      api.enrol(courseId, { residentRef: draft.resident?.residentRef ?? null, neighbourhoodId: draft.neighbourhoodId || null }),
    ),
  );
  return (
    <Card title={t('vt.courses.enrol')} testId="vt-enrol">
      {action.error !== undefined && <ErrorCard error={action.error} />}
      {waiting.length === 0 ? (
        <p className="hg-muted">{t('vt.courses.noReferrals')}</p>
      ) : (
        <div className="hg-form__row">
          <Select
            label={t('vt.courses.chooseReferral')}
            value={referralId}
            data-testid="vt-enrol-referral"
            onChange={(e) => setReferralId(e.target.value)}
            options={waiting.map((r) => ({ value: r.referralId, label: r.trackingCode }))}
          />
          <Button
            busy={action.busy}
            data-testid="vt-enrol-from-referral"
            onClick={() => void action.run(() => api.enrol(courseId, { referralId: referralId || waiting[0]!.referralId }))}
          >
            {t('vt.courses.fromReferral')}
          </Button>
        </div>
      )}
      <div className="hg-form__row">
        <Controller
          control={walkIn.control}
          name="resident"
          render={({ field }) => (
            <ReferralPicker label={t('vt.resident')} testId="vt-enrol-resident" value={field.value} onChange={field.onChange} />
          )}
        />
        {references.data && (
          <Controller
            control={walkIn.control}
            name="neighbourhoodId"
            render={({ field }) => (
              <NeighbourhoodPicker
                label={t('vt.neighbourhood')}
                places={references.data![0]}
                value={field.value}
                testId="vt-enrol-neighbourhood"
                none={t('vt.courses.outsideTargets')}
                onChange={field.onChange}
              />
            )}
          />
        )}
        <Button variant="secondary" busy={action.busy} data-testid="vt-enrol-walk-in" onClick={() => void enrolWalkIn()}>
          {t('vt.courses.walkIn')}
        </Button>
      </div>
    </Card>
  );
}
