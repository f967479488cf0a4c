import { Page, SubNav, useI18n, type MessageKey, type RemoteAppProps, type SubNavItem } from '@hamgam/ui-kit';
import { Navigate, Route, Routes } from 'react-router-dom';
import { BoardPage } from './BoardPage';
import { CommitmentsPage } from './CommitmentsPage';
import { MeetingPage } from './MeetingPage';
import { MeetingsPage } from './MeetingsPage';
import './messages';
import { PrioritiesBoard } from './PrioritiesBoard';
import { PromisesPage } from './PromisesPage';
import { useAccess } from './access';

/**
 * Routes are relative to the shell's `/coordination/*`. Each role sees only the tabs whose API it may read
 * (roles.ts): a representative their own page first, then the board and the meetings; the agencies' staff
 * the board and the commitments; coordinators and auditors everything.
 */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useI18n();
  const access = useAccess();
  const tab = (path: string, label: MessageKey): SubNavItem => ({
    to: `${basePath}/${path}`,
    label: t(label),
    testId: `coordination-nav-${path}`,
  });
  const items = access.isRepresentative
    ? [tab('promises', 'coordination.nav.promises'), tab('board', 'coordination.nav.board'), tab('meetings', 'coordination.nav.meetings')]
    : [
        tab('board', 'coordination.nav.board'),
        ...(access.readsMeetings ? [tab('meetings', 'coordination.nav.meetings')] : []),
        tab('commitments', 'coordination.nav.commitments'),
        ...(access.readsMeetings ? [tab('priorities', 'coordination.nav.priorities')] : []),
      ];
  const home = access.isRepresentative ? 'promises' : 'board';
  return (
    <Page title={t('coordination.title')}>
      <SubNav label={t('coordination.nav.label')} items={items} />
      <Routes>
        <Route index element={<Navigate to={`${basePath}/${home}`} replace />} />
        <Route path="board" element={<BoardPage basePath={basePath} />} />
        <Route path="board/:neighbourhoodId" element={<BoardPage basePath={basePath} />} />
        {access.readsMeetings && <Route path="meetings" element={<MeetingsPage basePath={basePath} />} />}
        {access.readsMeetings && <Route path="meetings/:meetingId" element={<MeetingPage basePath={basePath} />} />}
        <Route path="commitments" element={<CommitmentsPage />} />
        {access.readsMeetings && <Route path="priorities" element={<PrioritiesBoard searchable />} />}
        {access.isRepresentative && <Route path="promises" element={<PromisesPage basePath={basePath} />} />}
        <Route path="*" element={<Navigate to={`${basePath}/${home}`} replace />} />
      </Routes>
    </Page>
  );
}
