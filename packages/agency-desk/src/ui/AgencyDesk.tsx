import { Page, SubNav, useAuth, useI18n, WhoAmICard, type MessageKey } from '@hamgam/ui-kit';
import { useMemo, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useDeskApi } from './api';
import { CommitmentsSection } from './CommitmentsSection';
import { DeskContext } from './context';
import './messages';
import { OffersSection } from './OffersSection';
import { ReferralsSection } from './ReferralsSection';

/** One of the agency's own sections (courses, cases, loans…), shown beside the shared ones. */
export interface DeskSection {
  /** Relative to the module's basePath, e.g. `courses`. */
  path: string;
  label: string;
  testId: string;
  element: ReactNode;
}

export interface AgencyDeskProps {
  /** Where the shell mounted the agency's module, e.g. `/vocational-training`. */
  basePath: string;
  /** The agency's service (its API is `/api/<service>/v1`). */
  service: string;
  /** A message key the module registered: the agency's name. */
  titleKey: MessageKey;
  /** The agency's own staff roles: they act; coordinators and auditors only read. */
  staffRoles: readonly string[];
  /** The agency's own sections, listed after the referrals. */
  sections?: readonly DeskSection[];
}

/**
 * A partner agency's desk in the clinic-centred programme: the referrals the clinics sent it, its
 * service catalogue, its commitments, and who the user is there. Each section has its own URL.
 */
export function AgencyDesk({ basePath, service, titleKey, staffRoles, sections = [] }: AgencyDeskProps) {
  const { t } = useI18n();
  const auth = useAuth();
  const api = useDeskApi(service);
  const canAct = auth.hasRole(...staffRoles);
  const desk = useMemo(() => ({ api, service, canAct }), [api, service, canAct]);
  return (
    <DeskContext value={desk}>
      <Page title={t(titleKey)}>
        <SubNav
          label={t('desk.nav')}
          items={[
            { to: basePath, end: true, label: t('desk.nav.referrals'), testId: 'desk-nav-referrals' },
            ...sections.map((section) => ({ to: `${basePath}/${section.path}`, label: section.label, testId: section.testId })),
            { to: `${basePath}/offers`, label: t('desk.nav.offers'), testId: 'desk-nav-offers' },
            { to: `${basePath}/commitments`, label: t('desk.nav.commitments'), testId: 'desk-nav-commitments' },
            { to: `${basePath}/me`, label: t('desk.nav.me'), testId: 'desk-nav-me' },
          ]}
        />
        <Routes>
          <Route index element={<ReferralsSection />} />
          {sections.map((section) => (
            <Route key={section.path} path={`${section.path}/*`} element={section.element} />
          ))}
          <Route path="offers" element={<OffersSection />} />
          <Route path="commitments" element={<CommitmentsSection />} />
          <Route path="me" element={<WhoAmICard service={service} />} />
        </Routes>
      </Page>
    </DeskContext>
  );
}
