import { Button, useAuth, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { ReferForm } from './ReferForm';
import { ResidentTimeline } from './ResidentTimeline';

/** On a resident's page, for their own clinic's staff: refer them from here, and their timeline. */
export function ResidentReferrals({ resident }: { resident: { id: string; clinicId: string; neighbourhoodId: string } }) {
  const auth = useAuth();
  const { t } = useI18n();
  const [referring, setReferring] = useState(false);
  if (!auth.hasRole('clinic-worker') || !auth.claims.clinicIds.includes(resident.clinicId)) return null;
  return (
    <>
      <div>
        <Button variant="secondary" data-testid="resident-refer" onClick={() => setReferring((r) => !r)}>
          {t('referrals.new')}
        </Button>
      </div>
      {referring && <ReferForm clinicId={resident.clinicId} neighbourhoodId={resident.neighbourhoodId} residentId={resident.id} />}
      <ResidentTimeline residentId={resident.id} />
    </>
  );
}
