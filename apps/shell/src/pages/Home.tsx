import { Card, Page, useAuth, useI18n } from '@hamgam/ui-kit';
import { Link } from 'react-router-dom';
import type { RemoteModuleConfig } from '../config';
import { RemoteView } from '../remotes/RemoteView';
import { WorkCards } from '../work/WorkCards';

const COORDINATION = 'coordination';

/**
 * Each role's home: first what waits for them in every service their roles reach (counts, each a link
 * into the module page), then coordinators' and representatives' priorities board, or everyone else's
 * modules.
 */
export function Home({ modules }: { modules: readonly RemoteModuleConfig[] }) {
  const auth = useAuth();
  const { t, localize } = useI18n();
  const showBoard = auth.hasRole('coordinator', 'representative') && modules.some((m) => m.name === COORDINATION);
  return (
    <Page title={t('shell.home.title', { name: auth.user.displayName })}>
      {modules.length > 0 && <WorkCards modules={modules} />}
      {showBoard ? (
        <RemoteView remote={COORDINATION} expose="HomeWidget" props={{}} />
      ) : (
        <Card title={t('shell.home.modules')} testId="welcome-card">
          {modules.length > 0 ? (
            <ul>
              {modules.map((module) => (
                <li key={module.name}>
                  <Link to={module.path}>{localize(module.label)}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('shell.home.noModules')}</p>
          )}
        </Card>
      )}
    </Page>
  );
}
