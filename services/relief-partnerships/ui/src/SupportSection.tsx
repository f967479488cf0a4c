import { Route, Routes } from 'react-router-dom';
import { RequestList } from './support/RequestList';
import { RequestPage } from './support/RequestPage';

/** The Relief Committee's support requests: the list (with duplicate-benefit flags) and one request's page. */
export function SupportSection({ basePath }: { basePath: string }) {
  const root = `${basePath}/support`;
  return (
    <Routes>
      <Route index element={<RequestList root={root} />} />
      <Route path=":requestId" element={<RequestPage root={root} />} />
    </Routes>
  );
}
