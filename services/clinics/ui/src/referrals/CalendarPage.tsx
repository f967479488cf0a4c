import { addDays, dayOf, weekdayOf } from '@hamgam/contracts/days';
import { Badge, Button, Card, ErrorCard, Loading, Page, Select, useAsync, useAuth, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useReferralsApi, type Slot } from './api';
import { ClinicPicker, useClinicChoice } from './ClinicPicker';
import { SlotForm } from './SlotForm';
import { shortId } from './StateBadges';

/** The Saturday (the first day of the Iranian week) on or before `day`. */
export function weekStart(day: string): string {
  const back = (weekdayOf(day) + 1) % 7;
  return addDays(day, -back);
}

/** A clinic's week, day by day: counsellor days, guild and joint meetings; book residents in and cancel. */
export function CalendarPage() {
  const api = useReferralsApi();
  const { t, localize, formatDate, formatTime } = useI18n();
  const canWrite = useAuth().hasRole('clinic-worker');
  const choice = useClinicChoice();
  const clinicId = choice.clinic?.id;
  const [from, setFrom] = useState(() => weekStart(dayOf(new Date())));
  const [chosenResident, setChosenResident] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();

  const slots = useAsync(() => (clinicId ? api.slots({ clinicId, from, days: 7 }) : Promise.resolve([])), [api, clinicId, from]);
  const residents = useAsync(() => (clinicId && canWrite ? api.clinicResidents(clinicId) : Promise.resolve([])), [api, clinicId, canWrite]);

  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      slots.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  if (choice.clinics.error)
    return (
      <Page title={t('calendar.title')}>
        <ErrorCard error={choice.clinics.error} onRetry={choice.clinics.reload} />
      </Page>
    );
  if (!choice.clinic)
    return (
      <Page title={t('calendar.title')}>
        <Loading />
      </Page>
    );

  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  const byDay = new Map<string, Slot[]>(days.map((d) => [d, []]));
  for (const slot of slots.data ?? []) byDay.get(dayOf(new Date(slot.startsAt)))?.push(slot);

  return (
    <Page title={t('calendar.title')}>
      <Card>
        <div className="hg-form__row">
          <ClinicPicker {...choice} />
          <Button variant="secondary" data-testid="calendar-previous" onClick={() => setFrom(addDays(from, -7))}>
            {t('calendar.previous')}
          </Button>
          <span data-testid="calendar-week">{t('calendar.week', { from: formatDate(from), to: formatDate(addDays(from, 6)) })}</span>
          <Button variant="secondary" data-testid="calendar-next" onClick={() => setFrom(addDays(from, 7))}>
            {t('calendar.next')}
          </Button>
        </div>
      </Card>
      {canWrite && <SlotForm clinicId={choice.clinic.id} onAdded={slots.reload} />}
      {error !== undefined && <ErrorCard error={error} />}
      {slots.error ? (
        <ErrorCard error={slots.error} onRetry={slots.reload} />
      ) : !slots.data ? (
        <Loading />
      ) : slots.data.length === 0 ? (
        <Card testId="calendar-empty">{t('calendar.empty')}</Card>
      ) : (
        days
          .filter((day) => byDay.get(day)!.length > 0)
          .map((day) => (
            <Card key={day} title={formatDate(day, { weekday: 'long', day: 'numeric', month: 'long' })} testId={`calendar-day-${day}`}>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.75rem' }}>
                {byDay.get(day)!.map((slot) => (
                  <li key={slot.id} data-testid={`slot-${slot.kind}`} className="hg-card">
                    <strong>{localize(slot.title)}</strong> <Badge tone="info">{t(`calendar.kind.${slot.kind}`)}</Badge>{' '}
                    {slot.available === 0 && <Badge tone="warning">{t('calendar.full')}</Badge>}
                    <div>
                      {formatTime(slot.startsAt)}–{formatTime(slot.endsAt)} · {localize(slot.place)}
                    </div>
                    <div data-testid="slot-seats">{t('calendar.seats', { booked: slot.bookedCount, capacity: slot.capacity })}</div>
                    {slot.bookings && slot.bookings.length > 0 && (
                      <ul>
                        {slot.bookings.map((b) => (
                          <li key={b.residentId}>
                            <span dir="ltr">{shortId(b.residentId)}</span>{' '}
                            {canWrite && (
                              <Button
                                variant="secondary"
                                data-testid={`cancel-${b.residentId}`}
                                onClick={() => void act(() => api.cancelBooking(slot.id, b.residentId))}
                              >
                                {t('calendar.cancel')}
                              </Button>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                    {canWrite && slot.available > 0 && (
                      <div className="hg-form__row">
                        <Select
                          label={t('calendar.chooseResident')}
                          data-testid={`book-resident-${slot.id}`}
                          value={chosenResident[slot.id] ?? ''}
                          onChange={(event) => setChosenResident({ ...chosenResident, [slot.id]: event.target.value })}
                          options={[
                            { value: '', label: t('refer.chooseResident') },
                            ...(residents.data ?? [])
                              .filter((r) => !slot.bookings?.some((b) => b.residentId === r.id))
                              .map((r) => ({
                                value: r.id,
                                label: t('refer.residentOption', { id: shortId(r.id), year: r.birthYear ?? '—' }),
                              })),
                          ]}
                        />
                        <Button
                          data-testid={`book-${slot.id}`}
                          disabled={!chosenResident[slot.id]}
                          onClick={() => void act(() => api.book(slot.id, chosenResident[slot.id]!))}
                        >
                          {t('calendar.book')}
                        </Button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          ))
      )}
    </Page>
  );
}
