import { today } from '@hamgam/contracts/days';
import { Button, Card, DateInput, Form, NumberInput, Select, TextInput, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTvtoApi, type NewCourse, type Venue, type VenueKind } from './api';
import { useTvtoAction } from './problems';
import { TradeField, type References } from './references';

interface CourseDraft {
  titleFa: string;
  titleEn: string;
  trade: string;
  level: NewCourse['level'];
  hours: string;
  sessions: string;
  venueKind: VenueKind;
  venueId: string;
  placeFa: string;
  placeEn: string;
  scheduleFa: string;
  scheduleEn: string;
  startsOn: string;
  endsOn: string;
  capacity: string;
}

const blank = (): CourseDraft => ({
  titleFa: '',
  titleEn: '',
  trade: '',
  level: 'beginner',
  hours: '60',
  sessions: '20',
  venueKind: 'tvto-centre',
  venueId: '',
  placeFa: '',
  placeEn: '',
  scheduleFa: '',
  scheduleEn: '',
  startsOn: today(14),
  endsOn: today(90),
  capacity: '15',
});

/** A new course: its title, trade and level, its length, where it is held and when, and its places. */
export function CourseForm({ references, venues, onCreated }: { references: References; venues: Venue[]; onCreated: () => void }) {
  const api = useTvtoApi();
  const { t, localize } = useI18n();
  const trades = references[1];
  const form = useForm<CourseDraft>({ defaultValues: blank() });
  const action = useTvtoAction(onCreated);
  const { errors } = form.formState;
  const venueKind = useWatch({ control: form.control, name: 'venueKind' });
  const ofKind = venues.filter((v) => v.kind === venueKind);
  const filled = { validate: (v: string) => v.trim().length > 0 || t('vt.required') };
  // Picking a venue names the place in both languages; staff may still add a room or a street.
  const pickVenue = (venueId: string) => {
    const venue = venues.find((v) => v.kind === venueKind && v.id === venueId);
    form.setValue('venueId', venueId, { shouldValidate: form.formState.isSubmitted });
    if (venue) {
      form.setValue('placeFa', venue.name.fa, { shouldValidate: form.formState.isSubmitted });
      form.setValue('placeEn', venue.name.en, { shouldValidate: form.formState.isSubmitted });
    }
  };

  const submit = form.handleSubmit((f) => {
    const course: NewCourse = {
      title: { fa: f.titleFa.trim(), en: f.titleEn.trim() },
      trade: f.trade,
      level: f.level,
      hours: Number(f.hours),
      sessions: Number(f.sessions),
      venue: { kind: f.venueKind, id: f.venueId },
      venueName: { fa: f.placeFa.trim(), en: f.placeEn.trim() },
      schedule: { fa: f.scheduleFa.trim(), en: f.scheduleEn.trim() },
      startsOn: f.startsOn,
      endsOn: f.endsOn,
      capacity: Number(f.capacity),
      eligibility: { fa: 'ساکنان محله‌های هدف', en: 'Residents of the target neighbourhoods' },
    };
    return action.run(() => api.createCourse(course));
  });

  const text = (
    name: 'titleFa' | 'titleEn' | 'placeFa' | 'placeEn' | 'scheduleFa' | 'scheduleEn',
    label: string,
    testId: string,
    ltr = false,
  ) => (
    <TextInput
      label={label}
      data-testid={testId}
      dir={ltr ? 'ltr' : undefined}
      {...form.register(name, filled)}
      error={errors[name]?.message}
    />
  );
  const number = (name: 'hours' | 'sessions' | 'capacity', label: string, testId: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => <NumberInput label={label} value={field.value} onValueChange={field.onChange} data-testid={testId} />}
    />
  );
  return (
    <Card testId="vt-course-form-card">
      <details data-testid="vt-course-form-toggle">
        <summary>{t('vt.courses.new')}</summary>
        <Form onSubmit={() => void submit()} error={action.rest(['endsOn'])} testId="vt-course-form">
          {text('titleFa', `${t('vt.courses.name')} (${t('vt.fa')})`, 'vt-course-title-fa')}
          {text('titleEn', `${t('vt.courses.name')} (${t('vt.en')})`, 'vt-course-title-en', true)}
          <TradeField control={form.control} name="trade" trades={trades} testId="vt-course-trade" />
          <Controller
            control={form.control}
            name="level"
            render={({ field }) => (
              <Select
                label={t('vt.courses.level')}
                value={field.value}
                onChange={(e) => field.onChange(e.target.value as NewCourse['level'])}
                options={(['beginner', 'intermediate', 'advanced'] as const).map((l) => ({ value: l, label: t(`vt.courses.level.${l}`) }))}
              />
            )}
          />
          {number('hours', t('vt.courses.hours'), 'vt-course-hours')}
          {number('sessions', t('vt.courses.sessions'), 'vt-course-sessions')}
          <Controller
            control={form.control}
            name="venueKind"
            render={({ field }) => (
              <Select
                label={t('vt.courses.venueKind')}
                value={field.value}
                data-testid="vt-course-venue-kind"
                onChange={(e) => (field.onChange(e.target.value as VenueKind), form.setValue('venueId', ''))}
                options={(['clinic', 'tvto-centre', 'private-institute'] as const).map((k) => ({ value: k, label: t(`vt.venue.${k}`) }))}
              />
            )}
          />
          <Controller
            control={form.control}
            name="venueId"
            rules={{ required: t('vt.required') }}
            render={({ field }) => (
              <Select
                label={t('vt.courses.venue')}
                value={field.value}
                data-testid="vt-course-venue-id"
                error={errors.venueId?.message}
                onChange={(e) => pickVenue(e.target.value)}
                options={[{ value: '', label: t('vt.choose') }, ...ofKind.map((v) => ({ value: v.id, label: localize(v.name) }))]}
              />
            )}
          />
          {text('placeFa', `${t('vt.courses.venue')} (${t('vt.fa')})`, 'vt-course-place-fa')}
          {text('placeEn', `${t('vt.courses.venue')} (${t('vt.en')})`, 'vt-course-place-en', true)}
          {text('scheduleFa', `${t('vt.courses.schedule')} (${t('vt.fa')})`, 'vt-course-schedule-fa')}
          {text('scheduleEn', `${t('vt.courses.schedule')} (${t('vt.en')})`, 'vt-course-schedule-en', true)}
          <Controller
            control={form.control}
            name="startsOn"
            render={({ field }) => (
              <DateInput label={t('vt.courses.startsOn')} value={field.value} onChange={field.onChange} data-testid="vt-course-starts" />
            )}
          />
          <Controller
            control={form.control}
            name="endsOn"
            render={({ field }) => (
              <DateInput
                label={t('vt.courses.endsOn')}
                value={field.value}
                onChange={field.onChange}
                error={action.at('endsOn')}
                data-testid="vt-course-ends"
              />
            )}
          />
          {number('capacity', t('vt.courses.capacity'), 'vt-course-capacity')}
          <Button type="submit" busy={action.busy} data-testid="vt-course-submit">
            {t('vt.save')}
          </Button>
        </Form>
      </details>
    </Card>
  );
}
