import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Button } from './Button';

export interface ConfirmButtonProps {
  /** What the first button says, e.g. «پرداخت قسط». */
  children: ReactNode;
  /** Runs only after the second, explicit yes. */
  onConfirm(): unknown;
  /** The question; «مطمئن هستید؟» by default. Say what will happen: «۵۰٬۰۰۰٬۰۰۰ ریال به … پرداخت شود؟». */
  question?: ReactNode;
  /** The yes button's words; «بله، انجام شود» by default. */
  confirmLabel?: ReactNode;
  busy?: boolean;
  disabled?: boolean;
  variant?: 'primary' | 'secondary';
  testId?: string;
}

/**
 * A button for what cannot be taken back (a disbursement, an archive, a close): the first press asks in
 * the page, the action runs on «yes». «Cancel» takes the first button's place and the focus, so a double
 * press or a second Enter cancels rather than confirms.
 */
export function ConfirmButton({
  children,
  onConfirm,
  question,
  confirmLabel,
  busy = false,
  disabled,
  variant = 'primary',
  testId = 'confirm',
}: ConfirmButtonProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <Button ref={opener} variant={variant} busy={busy} disabled={disabled} onClick={() => setAsking(true)} data-testid={testId}>
        {children}
      </Button>
    );
  }
  return (
    <div className="hg-confirm" role="group" aria-labelledby={questionId} data-testid={`${testId}-ask`}>
      <Button ref={cancel} variant="secondary" onClick={() => setAsking(false)} data-testid={`${testId}-cancel`}>
        {t('confirm.cancel')}
      </Button>
      <span className="hg-confirm__question" id={questionId}>
        {question ?? t('confirm.question')}
      </span>
      <Button
        variant={variant}
        busy={busy}
        onClick={async () => {
          try {
            await onConfirm();
          } finally {
            setAsking(false);
          }
        }}
        data-testid={`${testId}-yes`}
      >
        {confirmLabel ?? t('confirm.yes')}
      </Button>
    </div>
  );
}
