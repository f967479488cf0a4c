import { localIso } from '@hamgam/contracts/days';
import { Button, Card, DateInput, ErrorCard, Form, NumberInput, Select, TimeInput, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useReferralsApi, type SlotKind } from './api';

const kinds: SlotKind[] = ['tvto-counselling', 'guild-meeting', 'joint-meeting'];
/** Saturday first, as the Iranian week runs (JS weekday numbers: 6 = Saturday … 5 = Friday). */
const weekdays = [6, 0, 1, 2, 3, 4, 5];

/**
 * Adds to a clinic's calendar: the TVTO counsellor's weekly day (dated slots for some weeks), or one
 * guild or joint meeting. Times are the clinic's wall-clock times (Iran time, `@hamgam/contracts/days`).
 */
export function SlotForm({ clinicId, onAdded }: { clinicId: string; onAdded: () => void }) {
  const api = useReferralsApi();
  const { t, formatDate } = useI18n();
  const [kind, setKind] = useState<SlotKind>('tvto-counselling');
  const [weekday, setWeekday] = useState('6');
  const [day, setDay] = useState('');
  const [startTime, setStartTime] = useState('09:00');
  const [duration, setDuration] = useState('240');
  const [capacity, setCapacity] = useState('5');
  const [weeks, setWeeks] = useState('4');
  const [invalid, setInvalid] = useState<string>();
  const [added, setAdded] = useState<number>();
  const weekly = kind === 'tvto-counselling';

  const adding = useApiMutation(
    async (): Promise<number> => {
      const common = { clinicId, kind, durationMinutes: Number(duration), capacity: Number(capacity) };
      if (weekly) return (await api.addWeekly({ ...common, weekday: Number(weekday), startTime, weeks: Number(weeks) || 1 })).length;
      await api.addSlot({ ...common, startsAt: localIso(day, startTime) });
      return 1;
    },
    {
      invalidates: [['clinics', 'slots', clinicId]],
      onSuccess: (count) => {
        setAdded(count);
        onAdded();
      },
    },
  );
  const error = adding.error;

  const submit = () => {
    setAdded(undefined);
    // The day and time fields hand on '' until their text reads as a day and a time.
    if (!startTime || (!weekly && !day) || !Number(duration) || !Number(capacity)) {
      setInvalid(t('calendar.form.invalid'));
      return;
    }
    setInvalid(undefined);
    void adding.run();
  };

  return (
    <Card title={t('calendar.form.title')} testId="slot-form">
      {error && <ErrorCard error={error} />}
      {added !== undefined && (
        <p role="status" data-testid="slot-form-added">
          {t('calendar.form.added', { count: added })}
        </p>
      )}
      <Form onSubmit={() => void submit()} testId="slot-form-form">
        <div className="hg-form__row">
          <Select
            label={t('calendar.form.kind')}
            data-testid="slot-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as SlotKind)}
            options={kinds.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))}
          />
          {weekly ? (
            <>
              <Select
                label={t('calendar.form.weekday')}
                data-testid="slot-weekday"
                value={weekday}
                onChange={(event) => setWeekday(event.target.value)}
                options={weekdays.map((d) => ({ value: String(d), label: formatDate(Date.UTC(2026, 2, 22 + d, 12), { weekday: 'long' }) }))}
              />
              <NumberInput label={t('calendar.form.weeks')} data-testid="slot-weeks" value={weeks} onValueChange={setWeeks} />
            </>
          ) : (
            <DateInput label={t('calendar.form.day')} data-testid="slot-day" value={day} onChange={setDay} />
          )}
          <TimeInput label={t('calendar.form.startTime')} data-testid="slot-start" value={startTime} onChange={setStartTime} />
          <NumberInput label={t('calendar.form.duration')} data-testid="slot-duration" value={duration} onValueChange={setDuration} />
          <NumberInput
            label={t('calendar.form.capacity')}
            data-testid="slot-capacity"
            value={capacity}
            onValueChange={setCapacity}
            error={invalid}
          />
        </div>
        <Button type="submit" busy={adding.busy} data-testid="slot-submit">
          {t('calendar.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
