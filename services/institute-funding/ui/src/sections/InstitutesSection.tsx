import { today } from '@hamgam/contracts/days';
import {
  Badge,
  Button,
  Card,
  type Column,
  DateInput,
  ErrorCard,
  Form,
  ListControls,
  PagedTable,
  Select,
  TextInput,
  useAction,
  useAuth,
  useI18n,
  usePagedQuery,
  useProblemSentence,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useFundingApi, type Institute } from '../api';
import { CheckList, Code, NeighbourhoodPicker, useFieldProblems, useLabels, useOptions } from '../labels';

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
      {canAct && <RegisterForm onDone={paged.reload} />}
    </>
  );
}

function RegisterForm({ onDone }: { onDone: () => void }) {
  const api = useFundingApi();
  const { t } = useI18n();
  const options = useOptions();
  const problems = useFieldProblems();
  const empty = { fa: '', en: '', licenceNo: '', licenceValidUntil: today(365), neighbourhoodId: '', address: '' };
  const [form, setForm] = useState(empty);
  const [trades, setTrades] = useState<string[]>([]);
  const { busy, error, run } = useAction(() => {
    setForm(empty);
    setTrades([]);
    onDone();
  });
  const refused = problems(error);
  const field = (name: keyof typeof empty) => ({
    value: form[name],
    error: refused.fields[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });

  function submit() {
    // The API makes the institute's id: officers name it and pick its neighbourhood and trades.
    void run(() =>
      api.registerInstitute({
        name: { fa: form.fa.trim(), en: form.en.trim() },
        licenceNo: form.licenceNo.trim().toUpperCase(),
        licenceValidUntil: form.licenceValidUntil,
        neighbourhoodId: form.neighbourhoodId,
        address: form.address.trim(),
        trades,
      }),
    );
  }

  return (
    <Card title={t('if.institutes.register')}>
      <Form onSubmit={submit} error={refused.form} testId="if-institute-form">
        <TextInput label={t('if.institutes.nameFa')} data-testid="if-institute-fa" {...field('fa')} />
        <TextInput label={t('if.institutes.nameEn')} dir="ltr" data-testid="if-institute-en" {...field('en')} />
        <TextInput label={t('if.institutes.licence')} dir="ltr" data-testid="if-institute-licence" {...field('licenceNo')} />
        <DateInput
          label={t('if.institutes.validUntil')}
          data-testid="if-institute-valid"
          value={form.licenceValidUntil}
          error={refused.fields['licenceValidUntil']}
          onChange={(licenceValidUntil) => setForm({ ...form, licenceValidUntil })}
        />
        <NeighbourhoodPicker
          label={t('if.institutes.neighbourhood')}
          testId="if-institute-nbh"
          value={form.neighbourhoodId}
          error={refused.fields['neighbourhoodId']}
          onChange={(neighbourhoodId) => setForm({ ...form, neighbourhoodId })}
        />
        <TextInput label={t('if.institutes.address')} data-testid="if-institute-address" {...field('address')} />
        <CheckList
          label={t('if.institutes.trades')}
          options={options.trades}
          value={trades}
          onChange={setTrades}
          error={refused.fields['trades']}
          testId="if-institute-trades"
        />
        <Button type="submit" busy={busy} data-testid="if-institute-submit">
          {t('if.save')}
        </Button>
      </Form>
    </Card>
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
