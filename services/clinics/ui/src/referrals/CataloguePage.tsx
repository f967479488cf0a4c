import { Badge, Card, DataTable, ErrorCard, Loading, Page, Select, useApiQuery, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useClinicsApi } from '../api';
import { partnerAgencies, useReferralsApi } from './api';

/** Every agency's offers as they last published them: what, where, when, for whom, and places left. */
export function CataloguePage() {
  const api = useReferralsApi();
  const clinicsApi = useClinicsApi();
  const { t, localize, formatNumber } = useI18n();
  const [category, setCategory] = useState('');
  const [agency, setAgency] = useState('');
  const [openOnly, setOpenOnly] = useState(true);
  const categories = useApiQuery(['clinics', 'need-categories'], () => clinicsApi.needCategories(), { staleTime: 3_600_000 });
  const offers = useApiQuery(['clinics', 'catalogue', { category, agency, openOnly }], () =>
    api.catalogue({ category: category || undefined, agency: agency || undefined, openOnly }),
  );
  const labelOf = new Map((categories.data ?? []).map((c) => [c.id, c.label]));
  const agencyName = (id: string) => offers.data?.find((o) => o.agency === id)?.agencyName;
  const rows = offers.data ?? [];

  return (
    <Page title={t('catalogue.title')}>
      <Card>
        <div className="hg-form__row">
          <Select
            label={t('catalogue.category')}
            data-testid="catalogue-category"
            value={category}
            onChange={(event) => setCategory(event.target.value)}
            options={[
              { value: '', label: t('catalogue.any') },
              ...(categories.data ?? []).map((c) => ({ value: c.id, label: localize(c.label) })),
            ]}
          />
          <Select
            label={t('catalogue.agency')}
            data-testid="catalogue-agency"
            value={agency}
            onChange={(event) => setAgency(event.target.value)}
            options={[
              { value: '', label: t('catalogue.any') },
              // Named in the user's language even before an offer of that agency is listed (never its slug).
              ...partnerAgencies.map((a) => ({ value: a, label: agencyName(a) ? localize(agencyName(a)!) : t(`residents.agency.${a}`) })),
            ]}
          />
          <label>
            <input
              type="checkbox"
              data-testid="catalogue-open-only"
              checked={openOnly}
              onChange={(event) => setOpenOnly(event.target.checked)}
            />{' '}
            {t('catalogue.openOnly')}
          </label>
        </div>
        {rows.length > 0 && (
          <p data-testid="catalogue-totals">
            {t('catalogue.totals', {
              offers: rows.length,
              agencies: new Set(rows.map((o) => o.agency)).size,
              seats: rows.reduce((sum, o) => sum + o.available, 0),
            })}
          </p>
        )}
      </Card>
      <Card>
        {offers.error ? (
          <ErrorCard error={offers.error} onRetry={offers.reload} />
        ) : offers.loading && !offers.data ? (
          <Loading />
        ) : (
          <DataTable
            testId="catalogue-table"
            rows={rows}
            rowKey={(o) => o.id}
            rowTestId={(o) => `offer-${o.id}`}
            empty={t('catalogue.empty')}
            columns={[
              {
                key: 'service',
                header: t('catalogue.service'),
                render: (o) => (
                  <>
                    <strong>{localize(o.title)}</strong>
                    <div>{localize(o.agencyName)}</div>
                    <div>{o.answers.map((a) => (labelOf.get(a) ? localize(labelOf.get(a)!) : a)).join('، ')}</div>
                  </>
                ),
              },
              { key: 'where', header: t('catalogue.placeTime'), render: (o) => `${localize(o.place)} — ${localize(o.schedule)}` },
              { key: 'eligibility', header: t('catalogue.eligibility'), render: (o) => localize(o.eligibility) },
              {
                key: 'capacity',
                header: t('catalogue.capacity'),
                render: (o) => `${formatNumber(o.available)} / ${formatNumber(o.capacity)}`,
              },
              {
                key: 'status',
                header: t('catalogue.status'),
                render: (o) => (
                  <Badge tone={o.status === 'open' && o.available > 0 ? 'success' : 'neutral'}>
                    {t(o.status === 'open' ? 'catalogue.open' : 'catalogue.closed')}
                  </Badge>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Page>
  );
}
