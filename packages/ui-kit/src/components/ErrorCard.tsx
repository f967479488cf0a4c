import { useI18n } from '../i18n/I18nProvider';
import { problemText } from '../problemText';
import { Card } from './Card';
import { Button } from './Button';

export function ErrorCard({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t, locale } = useI18n();
  const { title, detail, lines } = problemText(error, locale, t);
  return (
    <Card
      tone="error"
      role="alert"
      testId={testId ?? 'error-card'}
      title={title}
      actions={
        onRetry && (
          <Button variant="secondary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    >
      {detail && <p>{detail}</p>}
      {lines.length > 0 && (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
