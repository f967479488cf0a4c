import { ApiError } from '../api/ApiError';
import { useI18n } from '../i18n/I18nProvider';
import { Card } from './Card';
import { Button } from './Button';

/** Field errors as the services send them: `[{ path, message }]`, or anything else printable. */
function errorLines(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((item: unknown) => {
    if (typeof item === 'object' && item !== null && 'message' in item) {
      const { path, message } = item as { path?: unknown; message?: unknown };
      const where = Array.isArray(path) ? path.join('.') : path;
      return where ? `${String(where)}: ${String(message)}` : String(message);
    }
    return String(item);
  });
}

export function ErrorCard({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t } = useI18n();
  const title = error instanceof ApiError ? error.title : t('common.error');
  const detail = error instanceof ApiError ? error.detail : error instanceof Error ? error.message : undefined;
  const lines = error instanceof ApiError ? errorLines(error.errors) : [];
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
