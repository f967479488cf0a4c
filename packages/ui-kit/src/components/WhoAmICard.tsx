import { useApi } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { useApiQuery } from '../query/hooks';
import { Card } from './Card';
import { ErrorCard } from './ErrorCard';
import { Loading } from './Loading';

/** What every service's `GET /api/<service>/v1/me` answers. */
export interface Me {
  service: string;
  user: { id: string; username: string };
  roles: string[];
  scopes: { clinicIds: string[]; neighbourhoodIds: string[] };
}

function Tags({ items, testId }: { items: readonly string[]; testId?: string }) {
  const { t } = useI18n();
  if (items.length === 0) return <span data-testid={testId}>{t('common.none')}</span>;
  return (
    <ul className="hg-tags" data-testid={testId}>
      {items.map((item) => (
        <li className="hg-tag" key={item}>
          {item}
        </li>
      ))}
    </ul>
  );
}

/** Who the signed-in user is as far as one service is concerned: proves token, roles and scopes reach it. */
export function WhoAmICard({ service }: { service: string }) {
  const api = useApi();
  const { t, lookup } = useI18n();
  const me = useApiQuery([service, 'me'], () => api.get<Me>(`/${service}/v1/me`));

  if (me.loading && !me.data) return <Loading />;
  if (me.error || !me.data) return <ErrorCard error={me.error} onRetry={me.reload} />;
  const { user, roles, scopes } = me.data;
  return (
    <Card title={t('whoami.title')} testId={`whoami-${service}`}>
      <dl className="hg-dl">
        <dt>{t('whoami.username')}</dt>
        <dd data-testid="whoami-username">{user.username}</dd>
        <dt>{t('whoami.roles')}</dt>
        <dd>
          <Tags items={roles.map((role) => lookup(`role.${role}`) ?? role)} testId="whoami-roles" />
        </dd>
        <dt>{t('whoami.clinics')}</dt>
        <dd>
          <Tags items={scopes.clinicIds} />
        </dd>
        <dt>{t('whoami.neighbourhoods')}</dt>
        <dd>
          <Tags items={scopes.neighbourhoodIds} />
        </dd>
      </dl>
    </Card>
  );
}
