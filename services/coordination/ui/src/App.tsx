import { Page, SubNav, useI18n, type RemoteAppProps } from '@hamgam/ui-kit';
import { Navigate, Route, Routes } from 'react-router-dom';
import { BoardPage } from './BoardPage';
import { CommitmentsPage } from './CommitmentsPage';
import { MeetingPage } from './MeetingPage';
import { MeetingsPage } from './MeetingsPage';
import './messages';
import { PrioritiesBoard } from './PrioritiesBoard';

/** Routes are relative to the shell's `/coordination/*`: board (per neighbourhood), meetings, commitments, priorities. */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useI18n();
  return (
    <Page title={t('coordination.title')}>
      <SubNav
        label={t('coordination.nav.label')}
        items={[
          { to: `${basePath}/board`, label: t('coordination.nav.board'), testId: 'coordination-nav-board' },
          { to: `${basePath}/meetings`, label: t('coordination.nav.meetings'), testId: 'coordination-nav-meetings' },
          { to: `${basePath}/commitments`, label: t('coordination.nav.commitments'), testId: 'coordination-nav-commitments' },
          { to: `${basePath}/priorities`, label: t('coordination.nav.priorities'), testId: 'coordination-nav-priorities' },
        ]}
      />
      <Routes>
        <Route index element={<Navigate to={`${basePath}/board`} replace />} />
        <Route path="board" element={<BoardPage basePath={basePath} />} />
        <Route path="board/:neighbourhoodId" element={<BoardPage basePath={basePath} />} />
        <Route path="meetings" element={<MeetingsPage basePath={basePath} />} />
        <Route path="meetings/:meetingId" element={<MeetingPage basePath={basePath} />} />
        <Route path="commitments" element={<CommitmentsPage />} />
        <Route path="priorities" element={<PrioritiesBoard />} />
      </Routes>
    </Page>
  );
}
