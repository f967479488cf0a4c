import type { ComponentPropsWithRef } from 'react';

type ButtonProps = ComponentPropsWithRef<'button'> & { variant?: 'primary' | 'secondary'; busy?: boolean };

export function Button({ variant = 'primary', busy = false, disabled, type = 'button', ...button }: ButtonProps) {
  return (
    <button
      type={type}
      className={variant === 'primary' ? 'hg-button' : 'hg-button hg-button--secondary'}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...button}
    />
  );
}
