import { Button, Card, useI18n } from '@hamgam/ui-kit';
import { createContext, use } from 'react';

/** Lets the card ask the RemoteView around it to load the module again. */
export const RemoteRetryContext = createContext<() => void>(() => undefined);

export function RemoteFallback({ name }: { name: string }) {
  const retry = use(RemoteRetryContext);
  const { t } = useI18n();
  return (
    <Card
      tone="error"
      role="alert"
      testId={`remote-fallback-${name}`}
      title={t('shell.remote.unavailable')}
      actions={
        <Button variant="secondary" onClick={retry} data-testid={`remote-retry-${name}`}>
          {t('common.retry')}
        </Button>
      }
    >
      <p>{t('shell.remote.unavailableDetail')}</p>
    </Card>
  );
}
