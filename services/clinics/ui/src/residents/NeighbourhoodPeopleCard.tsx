import { Card, useApiQuery, useI18n } from '@hamgam/ui-kit';
import { useResidentsApi } from './api';
import '../messages';

/** Where the neighbourhood sits (province → county → neighbourhood), who staffs its clinic, and its people's representative. */
export function NeighbourhoodPeopleCard({ neighbourhoodId }: { neighbourhoodId: string }) {
  const api = useResidentsApi();
  const { t, localize, formatList } = useI18n();
  const detail = useApiQuery(['clinics', 'neighbourhood', neighbourhoodId], () => api.neighbourhood(neighbourhoodId), {
    staleTime: 3_600_000,
  });
  // Reference data only: if it cannot be loaded the rest of the page still works, so nothing is shown.
  if (!detail.data) return null;
  const n = detail.data;
  return (
    <Card title={t('people.title')} testId="neighbourhood-people">
      <dl className="hg-dl">
        <dt>{t('people.place')}</dt>
        <dd data-testid="neighbourhood-hierarchy">{[n.province, n.county, n.name].map(localize).join(' › ')}</dd>
        {n.clinics.map((c) => (
          <div key={c.id} style={{ display: 'contents' }}>
            <dt>{localize(c.name)}</dt>
            <dd data-testid={`clinic-staff-${c.id}`}>
              {formatList(c.staff.map((s) => `${localize(s.name)} (${t(`people.role.${s.role}`)})`))}
            </dd>
          </div>
        ))}
        <dt>{t('people.representative')}</dt>
        <dd data-testid="neighbourhood-representative">{n.representative ? localize(n.representative.name) : '—'}</dd>
      </dl>
    </Card>
  );
}
