import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { Card } from './Card';
import { Page } from './Page';

function StandaloneNotice({ titleKey }: { titleKey: MessageKey }) {
  const { t } = useI18n();
  return (
    <Page title={t(titleKey)}>
      <Card>
        <p>{t('standalone.notice')}</p>
      </Card>
    </Page>
  );
}

/**
 * What a remote's own page (`/ui/` on its service) shows: modules need the shell's sign-in and
 * routing, so opened directly they only point the visitor to the shell.
 */
export function mountStandaloneNotice(container: HTMLElement, titleKey: MessageKey): void {
  createRoot(container).render(
    <I18nProvider>
      <StandaloneNotice titleKey={titleKey} />
    </I18nProvider>,
  );
}
