import type { RemoteAppProps } from '@hamgam/ui-kit';
import { Route, Routes } from 'react-router-dom';
import './messages';
import { Workspace } from './Workspace';

/** Routes are relative to the shell's `/clinics/*`; the chosen neighbourhood lives in the URL. */
export default function App({ basePath }: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<Workspace basePath={basePath} />} />
      <Route path="neighbourhoods/:neighbourhoodId" element={<Workspace basePath={basePath} />} />
    </Routes>
  );
}
