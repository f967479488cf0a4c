import { ReferencePicker, useI18n, type ReferenceOption } from '@hamgam/ui-kit';
import { useReferralsApi } from './api';

interface Props {
  clinicId: string;
  value: string | null;
  onChange(residentId: string | null, option: ReferenceOption | null): void;
  /** Residents already chosen elsewhere (booked into the slot): not offered again. */
  exclude?: readonly string[];
  error?: string;
  testId: string;
}

/**
 * Picks one of the clinic's residents by what staff know of them — a name, a national id, a file number or
 * a referral's tracking code — asking the service (the register is thousands of people, never listed whole).
 * Each choice shows the name with the household's file number and birth year; never an id.
 */
export function ResidentPicker({ clinicId, value, onChange, exclude = [], error, testId }: Props) {
  const api = useReferralsApi();
  const { t, formatNumber } = useI18n();
  const search = async (text: string): Promise<ReferenceOption[]> =>
    (await api.findResidents(clinicId, text))
      .filter((r) => !exclude.includes(r.id))
      .map((r) => ({
        value: r.id,
        label: r.fullName ?? t('refer.unnamed'),
        hint: [
          r.fileNumber && t('refer.file', { file: r.fileNumber }),
          r.birthYear && t('refer.born', { year: formatNumber(r.birthYear, { useGrouping: false }) }),
        ]
          .filter(Boolean)
          .join(' · '),
      }));
  return (
    <ReferencePicker
      label={t('refer.resident')}
      placeholder={t('refer.residentHint')}
      value={value}
      onChange={onChange}
      search={search}
      error={error}
      testId={testId}
    />
  );
}
