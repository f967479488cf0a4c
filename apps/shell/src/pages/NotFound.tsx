import { Card, Page, useI18n } from '@hamgam/ui-kit';
import { Link } from 'react-router-dom';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('shell.notFound')}>
      <Card>
        <Link to="/">{t('shell.notFound.back')}</Link>
      </Card>
    </Page>
  );
}
