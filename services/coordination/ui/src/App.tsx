import { Page, useI18n, type RemoteAppProps } from '@hamgam/ui-kit';
import './messages';
import { PrioritiesBoard } from './PrioritiesBoard';

/** A single screen for now, so `basePath` is not needed yet. */
export default function App(_props: RemoteAppProps) {
  const { t } = useI18n();
  return (
    <Page title={t('coordination.title')}>
      <PrioritiesBoard />
    </Page>
  );
}
