import { Button, Card, DataTable, DateInput, Loading, Page, TextInput, toLatinDigits, useI18n, type Column } from '@hamgam/ui-kit';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { AUDITED_AGENCIES, mergeLogs, type AccessEntry, type AccessLogFilter, type AuditedAgency } from './accessLog';
import { AuditStyles } from './AuditStyles';
import { errorMessageKey } from './errorMessage';
import { ExportButtons } from './ExportButtons';
import '../messages';
import { normaliseCode, referenceCode } from './referenceCode';
import { useAccessLogs, type AccessLogSearch } from './useAccessLogs';

const noFilter: AccessLogFilter = { person: '', user: '', from: '', to: '' };

/** The auditor's page: the access logs of the agencies that hold personal data, merged newest first, filtered and exported. */
export function AuditPage() {
  const { t, lookup } = useI18n();
  const [draft, setDraft] = useState(noFilter);
  const [agencies, setAgencies] = useState<readonly AuditedAgency[]>(AUDITED_AGENCIES);
  const [formError, setFormError] = useState<{ to?: string; agencies?: string }>({});
  const [search, setSearch] = useState<AccessLogSearch>({ agencies: AUDITED_AGENCIES, filter: noFilter, run: 0 });
  const { logs, loading, loadMore, hasMore } = useAccessLogs(search);
  const entries = mergeLogs(logs);
  // Which person each code on the page stands for, so the auditor filters by a code they read (or follow by a click).
  const people = useMemo(() => new Map(entries.map((e) => [normaliseCode(referenceCode(e.subject)), e.subject])), [entries]);
  const followPerson = (subject: string) => {
    const next = { ...draft, person: referenceCode(subject) };
    setDraft(next);
    setSearch({ agencies, filter: { ...next, person: subject, user: toLatinDigits(next.user).trim() }, run: search.run + 1 });
  };
  const columns = useColumns(followPerson);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Codes and usernames typed on a Persian keyboard carry Persian digits; the logs hold Latin ones.
    const typed = toLatinDigits(draft.person).trim();
    const filter = { ...draft, person: people.get(normaliseCode(typed)) ?? typed, user: toLatinDigits(draft.user).trim() };
    const errors = {
      to: filter.from && filter.to && filter.from > filter.to ? t('audit.error.access-log-range-invalid') : undefined,
      agencies: agencies.length === 0 ? t('audit.noAgency') : undefined,
    };
    setFormError(errors);
    if (errors.to || errors.agencies) return;
    setSearch({ agencies, filter, run: search.run + 1 });
  };

  const toggle = (agency: AuditedAgency, on: boolean) =>
    setAgencies((current) => AUDITED_AGENCIES.filter((a) => (a === agency ? on : current.includes(a))));

  return (
    <Page title={t('audit.title')}>
      <AuditStyles />
      <p className="audit__intro">{t('audit.intro')}</p>
      <Card title={t('audit.filters')}>
        <form className="hg-form" onSubmit={submit} noValidate data-testid="audit-filters">
          <div className="hg-form__row">
            <TextInput
              label={t('audit.person')}
              dir="ltr"
              autoComplete="off"
              value={draft.person}
              data-testid="audit-person"
              onChange={(e) => setDraft({ ...draft, person: e.target.value })}
            />
            <TextInput
              label={t('audit.user')}
              dir="ltr"
              autoComplete="off"
              value={draft.user}
              data-testid="audit-user"
              onChange={(e) => setDraft({ ...draft, user: e.target.value })}
            />
            <DateInput
              label={t('audit.from')}
              value={draft.from}
              data-testid="audit-from"
              onChange={(from) => setDraft({ ...draft, from })}
            />
            <DateInput
              label={t('audit.to')}
              value={draft.to}
              data-testid="audit-to"
              error={formError.to}
              onChange={(to) => setDraft({ ...draft, to })}
            />
          </div>
          <fieldset className="audit__agencies" aria-invalid={formError.agencies ? true : undefined}>
            <legend className="hg-field__label">{t('audit.agencies')}</legend>
            {AUDITED_AGENCIES.map((agency) => (
              <label key={agency}>
                <input
                  type="checkbox"
                  checked={agencies.includes(agency)}
                  data-testid={`audit-agency-${agency}`}
                  onChange={(e) => toggle(agency, e.target.checked)}
                />{' '}
                {lookup(`audit.agency.${agency}`) ?? agency}
              </label>
            ))}
            {formError.agencies && <span className="hg-field__error">{formError.agencies}</span>}
          </fieldset>
          <div>
            <Button type="submit" data-testid="audit-search">
              {t('audit.search')}
            </Button>
          </div>
        </form>
      </Card>
      <ExportButtons agencies={search.agencies} filter={search.filter} />
      {logs.some((log) => log.error !== undefined) && (
        <Card tone="error" role="alert" testId="audit-errors">
          <ul className="audit__errors">
            {logs
              .filter((log) => log.error !== undefined)
              .map((log) => (
                <li key={log.agency} data-testid={`audit-error-${log.agency}`}>
                  {t('audit.error.line', {
                    agency: lookup(`audit.agency.${log.agency}`) ?? log.agency,
                    message: t(errorMessageKey(log.error)),
                  })}
                </li>
              ))}
          </ul>
        </Card>
      )}
      <Card>
        <div className="audit__log">
          {loading && entries.length === 0 ? (
            <Loading />
          ) : (
            <DataTable
              columns={columns}
              rows={entries}
              rowKey={(e) => `${e.agency}:${e.id}`}
              rowTestId={(e) => `audit-row-${e.agency}-${e.id}`}
              empty={t('audit.empty')}
              testId="audit-table"
            />
          )}
        </div>
        {hasMore && entries.length > 0 && (
          <Button variant="secondary" busy={loading} onClick={loadMore} data-testid="audit-load-more">
            {t('audit.loadMore')}
          </Button>
        )}
      </Card>
    </Page>
  );
}

/** The log's columns, each headed by its message (`audit.col.<key>`). */
type ColumnKey = 'at' | 'agency' | 'actor' | 'action' | 'record' | 'person' | 'purpose';

/** The table's columns; each cell repeats its column's name, shown only where rows stack as cards (a phone). */
function useColumns(followPerson: (subject: string) => void): Column<AccessEntry>[] {
  const { t, lookup, formatDateTime, formatList } = useI18n();
  // A code the catalogue lacks (a record kind added later) is shown as it came rather than as a key.
  const label = (prefix: string, code: string) => lookup(`${prefix}.${code}`) ?? code;
  const column = (key: ColumnKey, render: (e: AccessEntry) => ReactNode): Column<AccessEntry> => ({
    key,
    header: t(`audit.col.${key}`),
    render: (e) => (
      <>
        <span className="audit__cell-label" aria-hidden="true">
          {t(`audit.col.${key}`)}
        </span>
        <span className="audit__cell-value">{render(e)}</span>
      </>
    ),
  });
  return [
    // Iran time (formatDateTime's zone): the filters' days are Iran days, so the times match them wherever the auditor is.
    column('at', (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time>),
    column('agency', (e) => label('audit.agency', e.agency)),
    column('actor', (e) => (
      <>
        <bdi dir="ltr">{e.actor}</bdi>
        {e.actorRoles.length > 0 && <small className="hg-muted"> ({formatList(e.actorRoles.map((role) => label('role', role)))})</small>}
      </>
    )),
    column('action', (e) => label('audit.action', e.action)),
    column('record', (e) => (
      <>
        {label('audit.kind', e.recordKind)}{' '}
        <bdi dir="ltr" className="audit__id">
          {referenceCode(e.recordId)}
        </bdi>
      </>
    )),
    column('person', (e) => (
      <button
        type="button"
        className="audit__person"
        title={t('audit.followPerson')}
        data-testid="audit-follow-person"
        onClick={() => followPerson(e.subject)}
      >
        <bdi dir="ltr" className="audit__id">
          {referenceCode(e.subject)}
        </bdi>
      </button>
    )),
    column('purpose', (e) => (
      <>
        {label('audit.purpose', e.purpose)} <small className="hg-muted">({t(`audit.purposeSource.${e.purposeSource}`)})</small>
      </>
    )),
  ];
}
