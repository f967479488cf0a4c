import { Button, ErrorCard, I18nProvider, Page, QueryProvider, setAuthClient, useI18n } from '@hamgam/ui-kit';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App';
import { signIn } from './auth/signIn';
import { loadRemotesConfig, loadShellConfig, visibleModules } from './config';
import { registerModules } from './remotes/federation';
import './messages';
import { PublicApp } from './tracking/PublicApp';
import { isPublicPath } from './tracking/publicPaths';

function StartupError({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <Page title={t('shell.startup.failed')} actions={<Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>}>
      <ErrorCard error={error} />
    </Page>
  );
}

async function start(root: Root): Promise<void> {
  // Residents follow their matters without an account: no Keycloak, no remotes on these pages.
  if (isPublicPath(window.location.pathname)) {
    root.render(
      <StrictMode>
        <I18nProvider>
          <QueryProvider>
            <PublicApp />
          </QueryProvider>
        </I18nProvider>
      </StrictMode>,
    );
    return;
  }
  const [shellConfig, remotes] = await Promise.all([loadShellConfig(), loadRemotesConfig()]);
  // Outside React on purpose: keycloak-js must be initialised exactly once.
  const auth = await signIn(shellConfig);
  setAuthClient(auth);
  const modules = visibleModules(remotes, auth.roles);
  registerModules(modules);
  root.render(
    <StrictMode>
      <I18nProvider>
        <App modules={modules} />
      </I18nProvider>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);
start(root).catch((error: unknown) => {
  console.error('[shell] start-up failed', error);
  root.render(
    <I18nProvider>
      <StartupError error={error} />
    </I18nProvider>,
  );
});
