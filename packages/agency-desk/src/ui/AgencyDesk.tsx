import { Page, SubNav, useAuth, useI18n, WhoAmICard } from '@hamgam/ui-kit';
import { useMemo } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useDeskApi } from './api';
import { CommitmentsSection } from './CommitmentsSection';
import { DeskContext } from './context';
import './messages';
import { OffersSection } from './OffersSection';
import { ReferralsSection } from './ReferralsSection';

export interface AgencyDeskProps {
  /** Where the shell mounted the agency's module, e.g. `/vocational-training`. */
  basePath: string;
  /** The agency's service (its API is `/api/<service>/v1`). */
  service: string;
  /** A message key the module registered: the agency's name. */
  titleKey: string;
  /** The agency's own staff roles: they act; coordinators and auditors only read. */
  staffRoles: readonly string[];
}

/**
 * A partner agency's desk in the clinic-centred programme: the referrals the clinics sent it, its
 * service catalogue, its commitments, and who the user is there. Each section has its own URL.
 */
export function AgencyDesk({ basePath, service, titleKey, staffRoles }: AgencyDeskProps) {
  const { t } = useI18n();
  const auth = useAuth();
  const api = useDeskApi(service);
  const canAct = auth.hasRole(...staffRoles);
  const desk = useMemo(() => ({ api, canAct }), [api, canAct]);
  return (
    <DeskContext value={desk}>
      <Page title={t(titleKey)}>
        <SubNav
          label={t('desk.nav')}
          items={[
            { to: basePath, end: true, label: t('desk.nav.referrals'), testId: 'desk-nav-referrals' },
            { to: `${basePath}/offers`, label: t('desk.nav.offers'), testId: 'desk-nav-offers' },
            { to: `${basePath}/commitments`, label: t('desk.nav.commitments'), testId: 'desk-nav-commitments' },
            { to: `${basePath}/me`, label: t('desk.nav.me'), testId: 'desk-nav-me' },
          ]}
        />
        <Routes>
          <Route index element={<ReferralsSection />} />
          <Route path="offers" element={<OffersSection />} />
          <Route path="commitments" element={<CommitmentsSection />} />
          <Route path="me" element={<WhoAmICard service={service} />} />
        </Routes>
      </Page>
    </DeskContext>
  );
}
