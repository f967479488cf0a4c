import { Card, ErrorCard, Loading, Page, Select, useApiQuery, useI18n } from '@hamgam/ui-kit';
import { useState, type ReactNode } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useClinicsApi } from './api';
import { NeighbourhoodPanel } from './NeighbourhoodPanel';

/** Picks the neighbourhood (from the user's scoped list) and clinic, then shows that neighbourhood's work. */
export function Workspace({ basePath }: { basePath: string }) {
  const api = useClinicsApi();
  const { t, localize } = useI18n();
  const navigate = useNavigate();
  const { neighbourhoodId } = useParams();
  const [chosenClinicId, setChosenClinicId] = useState<string>();
  const reference = useApiQuery(['clinics', 'reference'], () => Promise.all([api.neighbourhoods(), api.clinics(), api.needCategories()]), {
    staleTime: 3_600_000,
  });

  const page = (body: ReactNode) => <Page title={t('clinics.title')}>{body}</Page>;
  if (reference.error) return page(<ErrorCard error={reference.error} onRetry={reference.reload} />);
  if (!reference.data) return page(<Loading />);

  const [neighbourhoods, clinics, categories] = reference.data;
  const neighbourhood = neighbourhoods.find((n) => n.id === neighbourhoodId);
  if (!neighbourhood) {
    const first = neighbourhoods[0];
    if (!first) return page(<Card>{t('clinics.noNeighbourhoods')}</Card>);
    return <Navigate to={`${basePath}/neighbourhoods/${first.id}`} replace />;
  }

  const neighbourhoodClinics = clinics.filter((c) => c.neighbourhoodId === neighbourhood.id);
  const clinicId = neighbourhoodClinics.some((c) => c.id === chosenClinicId) ? chosenClinicId : neighbourhoodClinics[0]?.id;

  return page(
    <>
      <Card title={t('clinics.context')}>
        <div className="hg-form__row">
          <Select
            label={t('clinics.neighbourhood')}
            data-testid="neighbourhood-select"
            value={neighbourhood.id}
            onChange={(event) => navigate(`${basePath}/neighbourhoods/${event.target.value}`)}
            options={neighbourhoods.map((n) => ({ value: n.id, label: `${localize(n.name)} — ${localize(n.county)}` }))}
          />
          <Select
            label={t('clinics.clinic')}
            data-testid="clinic-select"
            value={clinicId ?? ''}
            onChange={(event) => setChosenClinicId(event.target.value)}
            options={neighbourhoodClinics.map((c) => ({ value: c.id, label: localize(c.name) }))}
          />
        </div>
      </Card>
      <NeighbourhoodPanel key={neighbourhood.id} neighbourhoodId={neighbourhood.id} clinicId={clinicId} categories={categories} />
    </>,
  );
}
