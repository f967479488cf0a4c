import type { RemoteAppProps } from '@hamgam/ui-kit';
import { Route, Routes } from 'react-router-dom';
import './messages';
import { CalendarPage } from './referrals/CalendarPage';
import { CataloguePage } from './referrals/CataloguePage';
import { ClinicsNav } from './referrals/ClinicsNav';
import { ReferralSlipPage } from './referrals/ReferralSlipPage';
import { ReferralsPage } from './referrals/ReferralsPage';
import { ResidentReferrals } from './referrals/ResidentReferrals';
import { HouseholdPage } from './residents/HouseholdPage';
import { ResidentPage } from './residents/ResidentPage';
import { ResidentsPage } from './residents/ResidentsPage';
import { ForReadersOf } from './ForReadersOf';
import { Workspace } from './Workspace';

/**
 * Routes are relative to the shell's `/clinics/*`; the chosen neighbourhood lives in the URL. A page a role may
 * not read is neither in its tabs nor opened from a typed address (ForReadersOf, roles.ts).
 */
export default function App({ basePath }: RemoteAppProps) {
  return (
    <>
      <ClinicsNav basePath={basePath} />
      <Routes>
        <Route index element={<Workspace basePath={basePath} />} />
        <Route path="neighbourhoods" element={<Workspace basePath={basePath} />} />
        <Route path="neighbourhoods/:neighbourhoodId" element={<Workspace basePath={basePath} />} />
        <Route element={<ForReadersOf page="referrals" basePath={basePath} />}>
          <Route path="referrals" element={<ReferralsPage basePath={basePath} />} />
          <Route path="referrals/:referralId/slip" element={<ReferralSlipPage basePath={basePath} />} />
        </Route>
        <Route element={<ForReadersOf page="catalogue" basePath={basePath} />}>
          <Route path="catalogue" element={<CataloguePage />} />
        </Route>
        <Route element={<ForReadersOf page="calendar" basePath={basePath} />}>
          <Route path="calendar" element={<CalendarPage />} />
        </Route>
        <Route element={<ForReadersOf page="residents" basePath={basePath} />}>
          <Route path="residents" element={<ResidentsPage basePath={basePath} />} />
          <Route path="residents/households/:householdId" element={<HouseholdPage basePath={basePath} />} />
          <Route
            path="residents/:residentId"
            element={<ResidentPage basePath={basePath}>{(resident) => <ResidentReferrals resident={resident} />}</ResidentPage>}
          />
        </Route>
      </Routes>
    </>
  );
}
