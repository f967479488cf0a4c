import { useI18n } from '../i18n/I18nProvider';
import { TextInput } from './form';
import type { InputHTMLAttributes } from 'react';

/** A calendar day (`YYYY-MM-DD` for the API) with the Solar Hijri date spelled out beside it. */
export function DateInput({
  label,
  value,
  onChange,
  error,
  ...input
}: { label: string; value: string; onChange: (day: string) => void; error?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const { t, formatDate } = useI18n();
  const valid = /^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(new Date(value).getTime());
  return (
    <div>
      <TextInput type="date" label={label} value={value} onChange={(event) => onChange(event.target.value)} error={error} {...input} />
      {valid && <small className="hg-muted">{t('common.dateHint', { date: formatDate(value) })}</small>}
    </div>
  );
}
