import {
  Badge,
  Button,
  Card,
  ErrorCard,
  Form,
  ListControls,
  Loading,
  Page,
  PagedTable,
  Select,
  TextInput,
  toLatinDigits,
  useApiMutation,
  useAuth,
  useFieldProblem,
  useI18n,
  usePagedQuery,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ClinicPicker, useClinicChoice } from '../referrals/ClinicPicker';
import { useResidentsApi, type ArchivedFilter, type HouseholdSort } from './api';
import { ResidentsList } from './ResidentsList';
import '../messages';

const fileNumberPattern = /^[\w\-/]+$/;

/** Registers a household: a file number is required (a household registered with nothing typed could not be told apart). */
function NewHouseholdForm({ clinicId, basePath }: { clinicId: string; basePath: string }) {
  const api = useResidentsApi();
  const navigate = useNavigate();
  const { t } = useI18n();
  const problems = useFieldProblem('clinics');
  const { register, handleSubmit, formState } = useForm<{ fileNumber: string }>({ defaultValues: { fileNumber: '' } });
  const create = useApiMutation((fileNumber: string) => api.registerHousehold(clinicId, fileNumber), {
    invalidates: [['clinics', 'households']],
    onSuccess: (created) => navigate(`${basePath}/residents/households/${created.id}`),
  });
  const submit = handleSubmit((values) => void create.run(toLatinDigits(values.fileNumber).trim()));
  const fieldError = formState.errors.fileNumber?.message ?? problems.of(create.error, 'fileNumber');
  return (
    <Card title={t('residents.newHousehold')}>
      <Form onSubmit={() => void submit()} error={problems.rest(create.error, ['fileNumber'])} testId="new-household-form">
        <div className="hg-form__row">
          <TextInput
            label={t('residents.fileNumber')}
            placeholder={t('residents.fileNumberHint')}
            data-testid="new-household-file"
            maxLength={40}
            required
            error={fieldError}
            {...register('fileNumber', {
              validate: (value) => {
                const typed = toLatinDigits(value).trim();
                if (!typed) return t('residents.fileNumberRequired');
                return fileNumberPattern.test(typed) || t('residents.fileNumberInvalid');
              },
            })}
          />
          <Button type="submit" busy={create.busy} data-testid="register-household">
            {t('residents.register')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** The clinic's households: found by name, national id, file number or tracking code, sorted and paged on the server; register one. */
export function ResidentsPage({ basePath }: { basePath: string }) {
  const api = useResidentsApi();
  const auth = useAuth();
  const { t, formatDate, formatNumber } = useI18n();
  const { clinics, list, clinic, choose } = useClinicChoice();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<HouseholdSort>('newest');
  const [archived, setArchived] = useState<ArchivedFilter>('exclude');
  // The home's consents card opens the people, filtered (`?consents=ending`).
  const [params] = useSearchParams();
  const [view, setView] = useState<'households' | 'people'>(() => (params.get('consents') === 'ending' ? 'people' : 'households'));
  const clinicId = clinic?.id ?? '';
  // Nothing is asked before the clinic is known.
  const households = usePagedQuery(['clinics', 'households', clinicId, { q, sort, archived }], (after) =>
    clinicId ? api.householdsPage(clinicId, { q, sort, archived }, after) : Promise.resolve({ items: [], next: null }),
  );
  const ownClinic = !!clinic && auth.hasRole('clinic-worker') && auth.claims.clinicIds.includes(clinic.id);

  if (clinics.error)
    return (
      <Page title={t('residents.title')}>
        <ErrorCard error={clinics.error} onRetry={clinics.reload} />
      </Page>
    );
  if (!clinics.data || !clinic)
    return (
      <Page title={t('residents.title')}>
        <Loading />
      </Page>
    );

  return (
    <Page title={t('residents.title')}>
      <ClinicPicker list={list} clinic={clinic} choose={choose} />
      {ownClinic && <NewHouseholdForm clinicId={clinic.id} basePath={basePath} />}
      <Select
        label={t('residents.view')}
        data-testid="residents-view"
        value={view}
        onChange={(event) => setView(event.target.value as 'households' | 'people')}
        options={[
          { value: 'households', label: t('residents.households') },
          { value: 'people', label: t('residents.people') },
        ]}
      />
      {view === 'people' ? (
        <Card title={t('residents.people')}>
          <ResidentsList clinicId={clinic.id} ownClinic={ownClinic} basePath={basePath} />
        </Card>
      ) : (
        <Card title={t('residents.households')}>
          <ListControls
            search={{ onSearch: setQ, placeholder: ownClinic ? t('residents.searchHint') : t('residents.searchHintFile') }}
            sort={{
              value: sort,
              onChange: (value) => setSort(value as HouseholdSort),
              options: (['newest', 'oldest', 'file'] as const).map((value) => ({ value, label: t(`residents.sort.${value}`) })),
            }}
            filters={
              <Select
                label={t('residents.archived')}
                data-testid="households-archived-filter"
                value={archived}
                onChange={(event) => setArchived(event.target.value as ArchivedFilter)}
                options={(['exclude', 'include', 'only'] as const).map((value) => ({ value, label: t(`residents.archived.${value}`) }))}
              />
            }
          />
          <PagedTable
            paged={households}
            testId="households"
            label={t('residents.households')}
            rowKey={(h) => h.id}
            rowTestId={(h) => `household-${h.fileNumber || h.id}`}
            empty={q ? t('residents.noMatch') : t('residents.noHouseholds')}
            columns={[
              {
                key: 'file',
                header: t('residents.fileNumber'),
                render: (h) => (
                  <Link to={`${basePath}/residents/households/${h.id}`} data-testid={`open-household-${h.fileNumber}`}>
                    <bdi>{h.fileNumber || t('residents.noFile')}</bdi>
                  </Link>
                ),
              },
              ...(ownClinic
                ? [{ key: 'head', header: t('residents.head'), render: (h: { headName?: string | null }) => h.headName ?? '—' }]
                : []),
              { key: 'members', header: t('residents.members'), render: (h) => formatNumber(h.members) },
              { key: 'registered', header: t('residents.registeredAt'), render: (h) => formatDate(h.registeredAt) },
              {
                key: 'assessment',
                header: t('residents.assessment'),
                render: (h) => (
                  <>
                    {h.assessedAt ? t('residents.assessedOn', { date: formatDate(h.assessedAt) }) : t('residents.notAssessed')}
                    {h.hasDraft ? ` · ${t('residents.draftSaved')}` : ''}{' '}
                    {h.archivedAt && <Badge tone="neutral">{t('residents.archivedBadge')}</Badge>}
                  </>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Page>
  );
}
