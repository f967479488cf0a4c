import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { TrackPage } from './TrackPage';

/** The shell for residents: public routes only, no sign-in, no modules. */
export function PublicRoutes() {
  return (
    <Routes>
      <Route path="/track" element={<TrackPage />} />
      <Route path="/track/:code" element={<TrackPage />} />
    </Routes>
  );
}

export function PublicApp() {
  return (
    <BrowserRouter>
      <PublicRoutes />
    </BrowserRouter>
  );
}
