import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  DataTable,
  ErrorCard,
  Form,
  ListControls,
  Loading,
  NumberInput,
  PagedTable,
  type PagedQuery,
  Select,
  TextInput,
  useApiQuery,
  useAuth,
  useI18n,
  usePagedQuery,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useTvtoApi, type Master, type PickableReferral, type Placement } from './api';
import { useTvtoAction } from './problems';
import { NeighbourhoodPicker, ReferralPicker, ResidentCode, TradePicker, useNames, useReferences, type References } from './references';
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

function MasterForm({ references, onDone }: { references: References; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const [places, trades] = references;
  const [f, setF] = useState({ name: '', guildFa: '', guildEn: '', trade: '', neighbourhoodId: '', capacity: '2' });
  const action = useTvtoAction(onDone);
  // The API makes the master's id: staff name the master and pick the trade and neighbourhood.
  const ok = f.trade !== '' && f.neighbourhoodId !== '' && [f.name, f.guildFa, f.guildEn].every((v) => v.trim()) && Number(f.capacity) > 0;
  const field = (key: 'name' | 'guildFa' | 'guildEn', label: string) => (
    <TextInput label={label} value={f[key]} data-testid={`vt-master-${key}`} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
  );
  return (
    <details data-testid="vt-master-form-toggle">
      <summary>{t('vt.apprenticeships.addMaster')}</summary>
      <Form
        onSubmit={() =>
          ok &&
          void action.run(() =>
            api.addMaster({
              name: f.name.trim(),
              guild: { fa: f.guildFa.trim(), en: f.guildEn.trim() },
              trade: f.trade,
              neighbourhoodId: f.neighbourhoodId,
              capacity: Number(f.capacity),
            }),
          )
        }
        error={action.error}
        testId="vt-master-form"
      >
        {field('name', t('vt.apprenticeships.name'))}
        {field('guildFa', `${t('vt.apprenticeships.guild')} (${t('vt.fa')})`)}
        {field('guildEn', `${t('vt.apprenticeships.guild')} (${t('vt.en')})`)}
        <TradePicker
          label={t('vt.trade')}
          trades={trades}
          value={f.trade}
          testId="vt-master-trade"
          onChange={(trade) => setF({ ...f, trade })}
        />
        <NeighbourhoodPicker
          label={t('vt.neighbourhood')}
          places={places}
          value={f.neighbourhoodId}
          testId="vt-master-neighbourhoodId"
          onChange={(neighbourhoodId) => setF({ ...f, neighbourhoodId })}
        />
        <NumberInput
          label={t('vt.courses.capacity')}
          value={f.capacity}
          data-testid="vt-master-capacity"
          onValueChange={(capacity) => setF({ ...f, capacity })}
        />
        <Button type="submit" busy={action.busy} disabled={!ok} data-testid="vt-master-submit">
          {t('vt.apprenticeships.addMaster')}
        </Button>
      </Form>
    </details>
  );
}

function PlaceForm({ masters, references, onDone }: { masters: Master[]; references: References; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const names = useNames(references);
  const [masterId, setMasterId] = useState(masters[0]?.masterId ?? '');
  const [referral, setReferral] = useState<PickableReferral>();
  const [resident, setResident] = useState<PickableReferral>();
  const action = useTvtoAction(() => (setReferral(undefined), setResident(undefined), onDone()));
  return (
    <details data-testid="vt-place-form-toggle">
      <summary>{t('vt.apprenticeships.place')}</summary>
      <Form
        onSubmit={() =>
          masterId &&
          void action.run(() =>
            api.place(masterId, referral ? { referralId: referral.referralId } : { residentRef: resident?.residentRef ?? null }),
          )
        }
        error={action.error}
        testId="vt-place-form"
      >
        <Select
          label={t('vt.apprenticeships.master')}
          value={masterId}
          data-testid="vt-place-master"
          onChange={(e) => setMasterId(e.target.value)}
          options={masters.map((m) => ({ value: m.masterId, label: `${m.name} (${names.trade(m.trade)})` }))}
        />
        <ReferralPicker
          label={t('vt.counselling.referral')}
          testId="vt-place-referral"
          state="accepted"
          value={referral}
          onChange={setReferral}
        />
        <ReferralPicker label={t('vt.resident')} testId="vt-place-resident" value={resident} onChange={setResident} />
        <Button type="submit" busy={action.busy} data-testid="vt-place-submit">
          {t('vt.apprenticeships.place')}
        </Button>
      </Form>
    </details>
  );
}

function PlacementActions({ placement, onDone }: { placement: Placement; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const [rating, setRating] = useState('4');
  const [note, setNote] = useState('');
  const action = useTvtoAction(onDone);
  if (placement.state !== 'active') return null;
  const id = placement.placementId;
  return (
    <div>
      {action.error !== undefined && <ErrorCard error={action.error} testId={`vt-placement-error-${id}`} />}
      <div className="hg-form__row">
        <NumberInput
          label={t('vt.apprenticeships.rating')}
          value={rating}
          data-testid={`vt-progress-rating-${id}`}
          onValueChange={setRating}
        />
        <TextInput label={t('vt.note')} value={note} data-testid={`vt-progress-note-${id}`} onChange={(e) => setNote(e.target.value)} />
        <Button
          busy={action.busy}
          disabled={!note.trim()}
          data-testid={`vt-progress-save-${id}`}
          onClick={() => void action.run(() => api.progress(id, Number(rating), note.trim()))}
        >
          {t('vt.apprenticeships.checkProgress')}
        </Button>
      </div>
      <div className="hg-form__row">
        <Button
          variant="secondary"
          busy={action.busy}
          data-testid={`vt-finish-completed-${id}`}
          onClick={() => void action.run(() => api.finish(id, 'completed'))}
        >
          {t('vt.apprenticeships.complete')}
        </Button>
        <Button
          variant="secondary"
          busy={action.busy}
          data-testid={`vt-finish-withdrawn-${id}`}
          onClick={() => void action.run(() => api.finish(id, 'withdrawn'))}
        >
          {t('vt.apprenticeships.withdraw')}
        </Button>
      </div>
    </div>
  );
}
