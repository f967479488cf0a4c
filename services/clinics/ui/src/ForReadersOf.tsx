import { Card, useAuth, useI18n } from '@hamgam/ui-kit';
import { Link, Outlet } from 'react-router-dom';
import { pages, type ClinicsPage } from './roles';
import './messages';

/**
 * A layout route whose pages are shown only to the roles that may read `page` (roles.ts). Someone else who
 * reaches one of its URLs (an old link, a typed address) is told in a sentence that this part is not for
 * their work, with the way to the module's home, rather than meeting the API's 403 as an error card.
 */
export function ForReadersOf({ page, basePath }: { page: ClinicsPage; basePath: string }) {
  const auth = useAuth();
  const { t } = useI18n();
  if (auth.hasRole(...pages[page].roles)) return <Outlet />;
  return (
    <Card testId="not-for-your-role">
      <p>{t('clinics.notForYourRole')}</p>
      <Link to={basePath} data-testid="not-for-your-role-home">
        {t('clinics.backToModuleHome')}
      </Link>
    </Card>
  );
}
