import { Button, ErrorCard, Loading, useAuth, useI18n } from '@hamgam/ui-kit';
import { Link } from 'react-router-dom';
import type { RemoteModuleConfig } from '../config';
import '../messages';
import { useSeenMarks } from './seen';
import { useMyWork } from './useMyWork';
import { useWorkText } from './useWorkText';
import { waiting } from './work';
import { WorkStyles } from './WorkStyles';

/**
 * The home's first section: what waits for the user in each service their roles reach, one card per kind
 * with its count, each a link to the module page that shows those items. Nothing waiting says so plainly;
 * a service that could not be read says that too (with a retry), and the others still show.
 */
export function WorkCards({ modules }: { modules: readonly RemoteModuleConfig[] }) {
  const { t } = useI18n();
  const text = useWorkText();
  // The same query as the bell's (same marks, same key): one request per service for both.
  const [marks] = useSeenMarks(useAuth().user.id);
  const work = useMyWork(modules, marks?.at ?? null);
  const entries = waiting(work.data ?? []);
  const failed = (work.data ?? []).filter((answer) => answer.failed);
  return (
    <section className="shell-work" aria-labelledby="shell-work-title" data-testid="work">
      <WorkStyles />
      <h2 id="shell-work-title" className="shell-work__title">
        {t('shell.work.title')}
      </h2>
      {work.isPending && work.fetchStatus !== 'idle' ? (
        <Loading />
      ) : work.error ? (
        <ErrorCard error={work.error} />
      ) : (
        <>
          {entries.length > 0 ? (
            <ul className="shell-work__cards">
              {entries.map((entry) => (
                <li key={entry.key}>
                  <Link to={entry.href} className="shell-work__card" data-testid={`work-${entry.key.replace(':', '-')}`}>
                    <span className="shell-work__count">{text.count(entry.count)}</span>
                    <span className="shell-work__kind">{text.kind(entry)}</span>
                    <span className="shell-work__service">{text.service(entry)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            failed.length === 0 && (
              <p className="shell-work__nothing" data-testid="work-nothing">
                {t('shell.work.nothing')}
              </p>
            )
          )}
          {failed.map((answer) => (
            <p key={answer.service} className="shell-work__failed" role="status" data-testid={`work-failed-${answer.service}`}>
              {t('shell.work.failed', { service: text.service(answer) })}{' '}
              <Button variant="secondary" onClick={() => void work.refetch()}>
                {t('common.retry')}
              </Button>
            </p>
          ))}
        </>
      )}
    </section>
  );
}
