import { Page, useI18n, WhoAmICard, type RemoteAppProps } from '@hamgam/ui-kit';
import './messages';

/** A single screen for now, so `basePath` is not needed yet. */
export default function App(_props: RemoteAppProps) {
  const { t } = useI18n();
  return (
    <Page title={t('vocational-training.title')}>
      <WhoAmICard service="vocational-training" />
    </Page>
  );
}
