import { Badge, Card, DataTable, ErrorCard, Loading, useApiQuery, useI18n, type Column } from '@hamgam/ui-kit';
import { useFundingApi, type Ledger } from '../api';

/** Read again whenever a screen opens (what another screen changed shows), the cached answer meanwhile; refusals in the module's words. */
const fresh = { module: 'if', staleTime: 0 };

type Posting = Ledger['postings'][number];
type Position = Ledger['calls'][number];

/** The double-entry ledger: whether it balances, each call's position, and every posting. */
export function LedgerSection() {
  const api = useFundingApi();
  const { t, lookup, localize, formatNumber, formatDate } = useI18n();
  const data = useApiQuery(['institute-funding', 'ledger'], () => api.ledger(), fresh);
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const ledger = data.data;
  // An account is named by its kind and, for a call's, the call's title: never by an id.
  const callTitles = new Map(ledger.calls.map((c) => [c.callId, c.title]));
  const account = (a: string) => {
    const [kind, id = ''] = a.split(':');
    const title = callTitles.get(id);
    return (
      <>
        {lookup(`if.account.${kind}`) ?? kind}
        {title && <small> {localize(title)}</small>}
      </>
    );
  };
  const positions: Column<Position>[] = [
    { key: 'call', header: t('if.calls.call'), render: (c) => localize(c.title) },
    ...(['budget', 'available', 'committed', 'payable', 'paid'] as const).map((k) => ({
      key: k,
      header: t(`if.ledger.${k}`),
      render: (c: Position) => <span data-testid={`if-position-${k}-${c.callId}`}>{formatNumber(c[k])}</span>,
    })),
  ];
  const postings: Column<Posting>[] = [
    { key: 'date', header: t('if.ledger.date'), render: (p) => formatDate(p.postedAt) },
    {
      key: 'kind',
      header: t('if.ledger.kind'),
      render: (p) => t(`if.ledger.kind.${p.kind}`) + (p.trancheNo ? ` ${formatNumber(p.trancheNo)}` : ''),
    },
    {
      key: 'lines',
      header: t('if.ledger.lines'),
      render: (p) => {
        const debit = p.lines.find((l) => l.debit > 0)!;
        const credit = p.lines.find((l) => l.credit > 0)!;
        return (
          <>
            {account(debit.account)} ← {account(credit.account)}
          </>
        );
      },
    },
    { key: 'amount', header: t('if.tranches.amount'), render: (p) => formatNumber(p.lines.reduce((s, l) => s + l.debit, 0)) },
  ];
  return (
    <>
      <Card
        title={t('if.ledger.title')}
        testId="if-ledger"
        actions={
          <Badge tone={ledger.balanced ? 'success' : 'danger'} testId="if-ledger-balanced">
            {t(ledger.balanced ? 'if.ledger.balanced' : 'if.ledger.unbalanced')}
          </Badge>
        }
      >
        <p data-testid="if-ledger-trial">{t('if.ledger.trial', { total: formatNumber(ledger.trialBalance) })}</p>
        {ledger.unposted.length > 0 && (
          <p className="hg-muted" data-testid="if-ledger-unposted">
            {t('if.ledger.unposted', { count: ledger.unposted.length })}
          </p>
        )}
        {ledger.problems.map((problem) => (
          <p key={problem} className="hg-field__error">
            {problem}
          </p>
        ))}
        <h3>{t('if.ledger.positions')}</h3>
        <DataTable testId="if-ledger-positions" columns={positions} rows={ledger.calls} rowKey={(c) => c.callId} />
      </Card>
      <Card title={t('if.ledger.postings')}>
        <DataTable
          testId="if-ledger-postings"
          columns={postings}
          rows={ledger.postings}
          rowKey={(p) => p.postingId}
          rowTestId={(p) => `if-posting-${p.postingId}`}
          empty={t('if.ledger.postings.empty')}
        />
      </Card>
    </>
  );
}
