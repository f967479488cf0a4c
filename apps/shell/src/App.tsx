import { QueryProvider, useAuth, type RemoteAppProps } from '@hamgam/ui-kit';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuditPage } from './audit/AuditPage';
import { AUDIT_PATH, AUDIT_ROLES } from './audit/route';
import type { RemoteModuleConfig } from './config';
import { Layout } from './layout/Layout';
import './messages';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { RemoteView } from './remotes/RemoteView';

/** Each module owns the route subtree under its path and receives that path as `basePath`. */
export function ShellRoutes({ modules }: { modules: readonly RemoteModuleConfig[] }) {
  const auth = useAuth();
  return (
    <Routes>
      <Route element={<Layout modules={modules} />}>
        <Route index element={<Home modules={modules} />} />
        {modules.map((module) => (
          <Route
            key={module.name}
            path={`${module.path}/*`}
            // Keyed so moving between modules mounts a fresh view instead of reusing the last one.
            element={
              <RemoteView key={module.name} remote={module.name} expose="App" props={{ basePath: module.path } satisfies RemoteAppProps} />
            }
          />
        ))}
        {/* The shell's own page: it reads several services' logs, so no one module owns it. */}
        {auth.hasRole(...AUDIT_ROLES) && <Route path={AUDIT_PATH} element={<AuditPage />} />}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** The page's one query cache wraps the routes, so every module reads and invalidates the same data. */
export function App({ modules }: { modules: readonly RemoteModuleConfig[] }) {
  return (
    <QueryProvider>
      <BrowserRouter>
        <ShellRoutes modules={modules} />
      </BrowserRouter>
    </QueryProvider>
  );
}
