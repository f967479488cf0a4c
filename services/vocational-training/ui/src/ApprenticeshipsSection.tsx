import {
  Badge,
  type BadgeTone,
  Card,
  DataTable,
  ErrorCard,
  ListControls,
  Loading,
  PagedTable,
  type PagedQuery,
  Select,
  useApiQuery,
  useAuth,
  useI18n,
  usePagedQuery,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useTvtoApi, type Master, type Placement } from './api';
import { MasterForm } from './MasterForm';
import { PlaceForm } from './PlaceForm';
import { PlacementActions } from './PlacementActions';
import { ResidentCode, useNames, useReferences, type References } from './references';
import { UnverifiedBadge, UnverifiedNote } from './Unverified';

/** Read again whenever a screen opens (what another screen changed shows), the cached answer meanwhile; refusals in the module's words. */
const fresh = { module: 'vt', staleTime: 0 };

const stateTone: Record<Placement['state'], BadgeTone> = { active: 'info', completed: 'success', withdrawn: 'neutral' };

/** Apprenticeships: guild masters with their places, placements and their monthly progress checks. */
export function ApprenticeshipsSection() {
  const api = useTvtoApi();
  const canAct = useAuth().hasRole('tvto-staff');
  const data = useApiQuery(['vocational-training', 'masters'], () => api.masters(), fresh);
  const references = useReferences();
  const [search, setSearch] = useState<PlacementSearch>({ masterId: '', state: '' });
  const paged = usePagedQuery(['vocational-training', 'placements', search], (after) => api.placementPage(search, after), { module: 'vt' });
  const error = data.error ?? references.error;
  if (error) return <ErrorCard error={error} onRetry={() => (data.reload(), references.reload())} />;
  if (!data.data || !references.data) return <Loading />;
  return (
    <Apprenticeships
      masters={data.data}
      placements={paged}
      search={search}
      onSearch={setSearch}
      references={references.data}
      canAct={canAct}
      onChange={() => (data.reload(), paged.reload())}
    />
  );
}

export interface PlacementSearch {
  masterId: string;
  state: Placement['state'] | '';
}

function Apprenticeships({
  masters,
  placements: paged,
  search,
  onSearch,
  references,
  canAct,
  onChange,
}: {
  masters: Master[];
  placements: PagedQuery<Placement>;
  search: PlacementSearch;
  onSearch: (search: PlacementSearch) => void;
  references: References;
  canAct: boolean;
  onChange: () => void;
}) {
  const { t, localize, formatNumber, formatDate } = useI18n();
  const placeNames = useNames(references);
  const names = new Map(masters.map((m) => [m.masterId, m.name]));
  const placements = paged.items;
  return (
    <>
      <Card title={t('vt.apprenticeships.masters')} testId="vt-masters">
        <DataTable
          testId="vt-masters-table"
          rows={masters}
          rowKey={(m) => m.masterId}
          rowTestId={(m) => `vt-master-${m.masterId}`}
          empty={t('vt.apprenticeships.empty')}
          columns={[
            { key: 'name', header: t('vt.apprenticeships.name'), render: (m) => m.name },
            { key: 'guild', header: t('vt.apprenticeships.guild'), render: (m) => localize(m.guild) },
            { key: 'trade', header: t('vt.trade'), render: (m) => placeNames.trade(m.trade) },
            { key: 'where', header: t('vt.neighbourhood'), render: (m) => placeNames.neighbourhood(m.neighbourhoodId) },
            {
              key: 'places',
              header: t('vt.courses.capacity'),
              render: (m) => (
                <span data-testid={`vt-master-places-${m.masterId}`}>
                  {t('vt.courses.places', { enrolled: formatNumber(m.placed), capacity: formatNumber(m.capacity) })}
                </span>
              ),
            },
          ]}
        />
        {canAct && <MasterForm references={references} onDone={onChange} />}
      </Card>
      <Card title={t('vt.apprenticeships.placements')} testId="vt-placements">
        <ListControls
          testId="vt-placements-controls"
          filters={
            <>
              <Select
                label={t('vt.apprenticeships.master')}
                value={search.masterId}
                data-testid="vt-placements-master"
                onChange={(e) => onSearch({ ...search, masterId: e.target.value })}
                options={[{ value: '', label: t('vt.all') }, ...masters.map((m) => ({ value: m.masterId, label: m.name }))]}
              />
              <Select
                label={t('vt.status')}
                value={search.state}
                data-testid="vt-placements-state"
                onChange={(e) => onSearch({ ...search, state: e.target.value as PlacementSearch['state'] })}
                options={[
                  { value: '', label: t('vt.all') },
                  ...(['active', 'completed', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`vt.placement.${s}`) })),
                ]}
              />
            </>
          }
        />
        <PagedTable
          paged={paged}
          testId="vt-placements-table"

          rowKey={(p) => p.placementId}
          rowTestId={(p) => `vt-placement-${p.placementId}`}
          empty={t('vt.apprenticeships.empty')}
          columns={[
            { key: 'master', header: t('vt.apprenticeships.master'), render: (p) => names.get(p.masterId) ?? '—' },
            {
              key: 'resident',
              header: t('vt.resident'),
              render: (p) => (
                <>
                  <ResidentCode code={p.referralCode} testId={`vt-placement-resident-${p.placementId}`} />{' '}
                  {p.unverified && <UnverifiedBadge testId={`vt-placement-unverified-${p.placementId}`} />}
                </>
              ),
            },
            { key: 'started', header: t('vt.courses.startsOn'), render: (p) => formatDate(p.startedOn) },
            {
              key: 'checks',
              header: t('vt.apprenticeships.checks'),
              render: (p) => p.checks.map((c) => formatNumber(c.rating)).join('، ') || '—',
            },
            {
              key: 'state',
              header: t('vt.status'),
              render: (p) => (
                <Badge tone={stateTone[p.state]} testId={`vt-placement-state-${p.placementId}`}>
                  {t(`vt.placement.${p.state}`)}
                </Badge>
              ),
            },
            ...(canAct
              ? [
                  {
                    key: 'actions',
                    header: t('vt.actions'),
                    render: (p: Placement) => <PlacementActions placement={p} onDone={onChange} />,
                  },
                ]
              : []),
          ]}
        />
        <UnverifiedNote rows={placements} testId="vt-placements-unverified-note" />
        {canAct && <PlaceForm masters={masters} references={references} onDone={onChange} />}
      </Card>
    </>
  );
}
