import { Badge, Button, Card, ListControls, PagedTable, Select, useI18n, usePagedQuery, useQueryClient, type Column } from '@hamgam/ui-kit';
import { useState } from 'react';
import type { Offer, OfferFilter } from './api';
import { useDesk } from './context';
import { OfferForm } from './OfferForm';
import { offerKinds, type OfferKind } from './vocabulary';

/** The agency's service catalogue: what the clinics can refer residents to, with the places left; searched, filtered and paged by the API. */
export function OffersSection() {
  const { api, canAct, service } = useDesk();
  const { t, localize, formatDate, formatNumber } = useI18n();
  const client = useQueryClient();
  const [filter, setFilter] = useState<OfferFilter>({});
  const change = (part: Partial<OfferFilter>) => setFilter((current) => ({ ...current, ...part }));
  const offers = usePagedQuery([service, 'desk', 'offers', filter], (after) => api.offers(filter, after), { module: 'desk' });
  const [editing, setEditing] = useState<Offer | 'new'>();
  const [saved, setSaved] = useState(false);

  const columns: Column<Offer>[] = [
    {
      key: 'offer',
      header: t('desk.offers.offer'),
      render: (o) => <span data-testid={`desk-offer-title-${o.offerId}`}>{localize(o.title)}</span>,
    },
    { key: 'kind', header: t('desk.offers.kind'), render: (o) => t(`desk.kind.${o.kind}`) },
    {
      key: 'places',
      header: t('desk.offers.places'),
      render: (o) => (
        <span data-testid={`desk-offer-places-${o.offerId}`}>
          {t('desk.offers.placesValue', { available: o.available, capacity: o.capacity })}
        </span>
      ),
    },
    {
      key: 'dates',
      header: t('desk.offers.dates'),
      render: (o) => (o.startsOn ? `${formatDate(o.startsOn)} — ${o.endsOn ? formatDate(o.endsOn) : '…'}` : t('common.none')),
    },
    {
      key: 'status',
      header: t('desk.offers.status'),
      render: (o) => (
        <Badge tone={o.status === 'open' ? 'success' : 'neutral'} testId={`desk-offer-status-${o.offerId}`}>
          {t(`desk.status.${o.status}`)}
        </Badge>
      ),
    },
    { key: 'revision', header: t('desk.offers.revision'), render: (o) => formatNumber(o.revision) },
    ...(canAct
      ? [
          {
            key: 'edit',
            header: '',
            render: (o: Offer) => (
              <Button variant="secondary" data-testid={`desk-offer-edit-${o.offerId}`} onClick={() => setEditing(o)}>
                {t('desk.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const done = () => {
    setEditing(undefined);
    setSaved(true);
    void client.invalidateQueries({ queryKey: [service, 'desk', 'offers'] });
  };

  return (
    <>
      {editing && (
        <OfferForm
          key={editing === 'new' ? 'new' : editing.offerId}
          offer={editing === 'new' ? undefined : editing}
          onSaved={done}
          onCancel={() => setEditing(undefined)}
        />
      )}
      <Card
        title={t('desk.offers.title')}
        testId="desk-offers"
        actions={
          canAct &&
          !editing && (
            <Button data-testid="desk-offer-new" onClick={() => (setSaved(false), setEditing('new'))}>
              {t('desk.offers.new')}
            </Button>
          )
        }
      >
        {saved && (
          <p role="status" data-testid="desk-offer-saved">
            {t('desk.offers.saved')}
          </p>
        )}
        <ListControls
          testId="desk-offers-controls"
          search={{ onSearch: (q) => change({ q: q || undefined }), placeholder: t('desk.offers.searchHint') }}
          filters={
            <>
              <Select
                label={t('desk.offers.kind')}
                data-testid="desk-offers-kind"
                value={filter.kind ?? ''}
                onChange={(e) => change({ kind: (e.target.value || undefined) as OfferKind | undefined })}
                options={[{ value: '', label: t('desk.all') }, ...offerKinds.map((k) => ({ value: k, label: t(`desk.kind.${k}`) }))]}
              />
              <Select
                label={t('desk.offers.status')}
                data-testid="desk-offers-status"
                value={filter.status ?? ''}
                onChange={(e) => change({ status: (e.target.value || undefined) as 'open' | 'closed' | undefined })}
                options={[
                  { value: '', label: t('desk.all') },
                  ...(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`desk.status.${s}`) })),
                ]}
              />
            </>
          }
        />
        <PagedTable
          testId="desk-offers-table"
          label={t('desk.offers.title')}
          paged={offers}
          columns={columns}
          rowKey={(o) => o.offerId}
          rowTestId={(o) => `desk-offer-${o.offerId}`}
          empty={t('desk.offers.empty')}
        />
      </Card>
    </>
  );
}
