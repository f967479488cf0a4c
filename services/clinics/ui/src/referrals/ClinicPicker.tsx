import { Select, useApiQuery, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useClinicsApi, type Clinic } from '../api';

/** The clinics the user may see (the API filters by scope) and the one chosen; a clinic worker has one. */
export function useClinicChoice() {
  const api = useClinicsApi();
  const clinics = useApiQuery(['clinics', 'clinics'], () => api.clinics(), { staleTime: 3_600_000 });
  const [chosen, setChosen] = useState<string>();
  const list = clinics.data ?? [];
  const clinic: Clinic | undefined = list.find((c) => c.id === chosen) ?? list[0];
  return { clinics, list, clinic, choose: setChosen };
}

export function ClinicPicker({ list, clinic, choose }: { list: Clinic[]; clinic: Clinic | undefined; choose: (id: string) => void }) {
  const { t, localize } = useI18n();
  if (list.length < 2) return null;
  return (
    <Select
      label={t('clinics.clinicPicker')}
      data-testid="clinic-picker"
      value={clinic?.id ?? ''}
      onChange={(event) => choose(event.target.value)}
      options={list.map((c) => ({ value: c.id, label: localize(c.name) }))}
    />
  );
}
