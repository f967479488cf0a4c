import {
  Badge,
  Button,
  Card,
  type Column,
  DateInput,
  ErrorCard,
  ListControls,
  PagedTable,
  Select,
  useAuth,
  useI18n,
  usePagedQuery,
  useProblemSentence,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useFundingApi, type Institute } from '../api';
import { Code, useLabels, useOptions } from '../labels';
import { RegisterInstituteForm } from './RegisterInstituteForm';

export interface InstituteSearch {
  q: string;
  neighbourhoodId: string;
  order: 'asc' | 'desc';
}

/** The private institutes the office funds (a page at a time, found by name): licence and its validity, neighbourhood, trades. */
export function InstitutesSection() {
  const api = useFundingApi();
  const { t, localize, formatDate } = useI18n();
  const labels = useLabels();
  const canAct = useAuth().hasRole('fund-officer');
  const options = useOptions();
  const [search, setSearch] = useState<InstituteSearch>({ q: '', neighbourhoodId: '', order: 'asc' });
  const paged = usePagedQuery(['institute-funding', 'institutes', search], (after) => api.institutePage(search, after), { module: 'if' });

  const columns: Column<Institute>[] = [
    {
      key: 'name',
      header: t('if.institutes.name'),
      render: (i) => localize(i.name),
    },
    { key: 'licence', header: t('if.institutes.licence'), render: (i) => <Code>{i.licenceNo}</Code> },
    {
      key: 'valid',
      header: t('if.institutes.validUntil'),
      render: (i) => (
        <>
          {formatDate(i.licenceValidUntil)}{' '}
          <Badge tone={i.licenceValid ? 'success' : 'danger'} testId={`if-licence-${i.instituteId}`}>
            {t(i.licenceValid ? 'if.institutes.valid' : 'if.institutes.expired')}
          </Badge>
        </>
      ),
    },
    { key: 'nbh', header: t('if.institutes.neighbourhood'), render: (i) => labels.neighbourhood(i.neighbourhoodId) },
    { key: 'address', header: t('if.institutes.address'), render: (i) => i.address },
    { key: 'trades', header: t('if.institutes.trades'), render: (i) => labels.trades(i.trades) },
    ...(canAct
      ? [{ key: 'renew', header: t('if.actions'), render: (i: Institute) => <RenewLicence institute={i} onDone={paged.reload} /> }]
      : []),
  ];
  return (
    <>
      <Card title={t('if.institutes.title')} testId="if-institutes">
        <ListControls
          testId="if-institutes-controls"
          search={{ onSearch: (q) => setSearch({ ...search, q }), placeholder: t('if.institutes.searchHint') }}
          sort={{
            value: search.order,
            onChange: (order) => setSearch({ ...search, order: order as InstituteSearch['order'] }),
            options: (['asc', 'desc'] as const).map((o) => ({ value: o, label: t(`if.institutes.order.${o}`) })),
          }}
          filters={
            <Select
              label={t('if.institutes.neighbourhood')}
              value={search.neighbourhoodId}
              data-testid="if-institutes-nbh"
              onChange={(e) => setSearch({ ...search, neighbourhoodId: e.target.value })}
              options={[{ value: '', label: t('if.all') }, ...options.neighbourhoods]}
            />
          }
        />
        <PagedTable
          paged={paged}
          testId="if-institutes-table"
          columns={columns}
          rowKey={(i) => i.instituteId}
          rowTestId={(i) => `if-institute-${i.instituteId}`}
          empty={t('if.institutes.empty')}
        />
      </Card>
      {canAct && <RegisterInstituteForm onDone={paged.reload} />}
    </>
  );
}

/** A renewed licence: the new validity day (the rest of the record unchanged). */
function RenewLicence({ institute, onDone }: { institute: Institute; onDone: () => void }) {
  const api = useFundingApi();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(institute.licenceValidUntil);
  const sentence = useProblemSentence('if');
  const [error, setError] = useState<unknown>();
  const id = institute.instituteId;
  if (!open) {
    return (
      <Button variant="secondary" data-testid={`if-renew-${id}`} onClick={() => setOpen(true)}>
        {t('if.institutes.renew')}
      </Button>
    );
  }
  async function save() {
    setError(undefined);
    try {
      const { instituteId: _id, licenceValid: _v, updatedAt: _u, ...fields } = institute;
      await api.updateInstitute(id, { ...fields, licenceValidUntil: day });
      setOpen(false);
      onDone();
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <div>
      {error !== undefined && <ErrorCard error={sentence(error)} />}
      <DateInput label={t('if.institutes.validUntil')} data-testid={`if-renew-day-${id}`} value={day} onChange={setDay} />
      <Button data-testid={`if-renew-save-${id}`} onClick={save}>
        {t('if.save')}
      </Button>{' '}
      <Button variant="secondary" onClick={() => setOpen(false)}>
        {t('if.cancel')}
      </Button>
    </div>
  );
}
