import { Badge, Button, Card, DataTable, ErrorCard, Loading, useAsync, useI18n, type Column } from '@hamgam/ui-kit';
import { useState } from 'react';
import type { Offer } from './api';
import { useDesk } from './context';
import { OfferForm } from './OfferForm';

/** The agency's service catalogue: what the clinics can refer residents to, with the places left. */
export function OffersSection() {
  const { api, canAct } = useDesk();
  const { t, localize, formatDate, formatNumber } = useI18n();
  const offers = useAsync(() => api.offers(), [api]);
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
    offers.reload();
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
        {offers.error ? (
          <ErrorCard error={offers.error} onRetry={offers.reload} />
        ) : !offers.data ? (
          <Loading />
        ) : (
          <DataTable
            testId="desk-offers-table"
            columns={columns}
            rows={offers.data}
            rowKey={(o) => o.offerId}
            rowTestId={(o) => `desk-offer-${o.offerId}`}
            empty={t('desk.offers.empty')}
          />
        )}
      </Card>
    </>
  );
}
