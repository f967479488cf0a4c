import { Route, Routes } from 'react-router-dom';
import { CasePage } from './case/CasePage';
import { Caseload } from './caseload/Caseload';

/** The case worker's own caseload and each case's page, under `<base>`. */
export function CasesSection({ base }: { base: string }) {
  return (
    <Routes>
      <Route index element={<Caseload base={base} />} />
      <Route path=":caseId" element={<CasePage base={base} />} />
    </Routes>
  );
}
