import { addDays, dayOf, weekdayOf } from '@hamgam/contracts/days';
import { Badge, Button, Card, ErrorCard, Loading, Page, useApiMutation, useApiQuery, useAuth, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { personText, useReferralsApi, type Slot } from './api';
import { ClinicPicker, useClinicChoice } from './ClinicPicker';
import { ResidentPicker } from './ResidentPicker';
import { SlotForm } from './SlotForm';

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

  // A week of one clinic is a few dozen slots at most: read whole (the API pages; the client follows).
  const slots = useApiQuery(['clinics', 'slots', clinicId, from], () => api.slots({ clinicId: clinicId!, from, days: 7 }), {
    enabled: !!clinicId,
  });
  const changed = { invalidates: [['clinics', 'slots', clinicId]] };
  const book = useApiMutation((b: { slotId: string; residentId: string }) => api.book(b.slotId, b.residentId), {
    ...changed,
    onSuccess: (slot) => setChosenResident((chosen) => ({ ...chosen, [slot.id]: '' })),
  });
  const cancel = useApiMutation((b: { slotId: string; residentId: string }) => api.cancelBooking(b.slotId, b.residentId), changed);
  const error = book.error ?? cancel.error;

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
      {error && <ErrorCard error={error} />}
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
                          <li key={b.residentId} data-testid={`booking-${slot.id}-${b.fileNumber || 'x'}`}>
                            <span>{personText(b, t('referrals.fileWord'))}</span>{' '}
                            {canWrite && (
                              <Button
                                variant="secondary"
                                data-testid={`cancel-${b.residentId}`}
                                onClick={() => void cancel.run({ slotId: slot.id, residentId: b.residentId })}
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
                        <ResidentPicker
                          clinicId={slot.clinicId}
                          value={chosenResident[slot.id] || null}
                          onChange={(value) => setChosenResident({ ...chosenResident, [slot.id]: value ?? '' })}
                          exclude={slot.bookings?.map((b) => b.residentId)}
                          testId={`book-resident-${slot.id}`}
                        />
                        <Button
                          data-testid={`book-${slot.id}`}
                          disabled={!chosenResident[slot.id]}
                          busy={book.busy}
                          onClick={() => void book.run({ slotId: slot.id, residentId: chosenResident[slot.id]! })}
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
