import { Button, Card, Form, NumberInput, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTvtoApi, type CourseDetail } from './api';
import { useTvtoAction } from './problems';
import { ResidentCode } from './references';

interface SheetDraft {
  session: string;
  /** The enrolments ticked present. */
  present: string[];
}

/** One session's attendance: everyone enrolled present until unticked. */
export function AttendanceSheet({ course, onDone }: { course: CourseDetail; onDone: () => void }) {
  const api = useTvtoApi();
  const { t, formatNumber } = useI18n();
  const active = course.enrolments.filter((e) => e.state === 'enrolled');
  const form = useForm<SheetDraft>({
    defaultValues: { session: String(Math.min(course.sessions, course.sessionsHeld + 1)), present: active.map((e) => e.enrolmentId) },
  });
  const [saved, setSaved] = useState<number>();
  const action = useTvtoAction(onDone);
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (draft) => {
    const n = Number(draft.session);
    const present = active.filter((e) => draft.present.includes(e.enrolmentId)).map((e) => e.enrolmentId);
    if (await action.run(() => api.attendance(course.courseId, n, present))) setSaved(n);
  });
  return (
    <Card title={t('vt.courses.attendance')} testId="vt-attendance">
      <p className="hg-muted">
        {t('vt.courses.sessionsHeld', { held: formatNumber(course.sessionsHeld), sessions: formatNumber(course.sessions) })}
      </p>
      <Form onSubmit={() => void submit()} error={action.error} testId="vt-attendance-form">
        <Controller
          control={form.control}
          name="session"
          rules={{ validate: (v) => Number(v) > 0 || t('vt.required') }}
          render={({ field }) => (
            <NumberInput
              label={t('vt.courses.session')}
              value={field.value}
              onValueChange={field.onChange}
              error={errors.session?.message}
              data-testid="vt-attendance-session"
            />
          )}
        />
        <Controller
          control={form.control}
          name="present"
          render={({ field }) => (
            <>
              {active.map((e) => (
                <label key={e.enrolmentId} className="hg-check">
                  <input
                    type="checkbox"
                    checked={field.value.includes(e.enrolmentId)}
                    onChange={(event) =>
                      field.onChange(
                        event.target.checked ? [...field.value, e.enrolmentId] : field.value.filter((id) => id !== e.enrolmentId),
                      )
                    }
                    data-testid={`vt-attendance-present-${e.enrolmentId}`}
                  />{' '}
                  <ResidentCode code={e.referralCode} />
                </label>
              ))}
            </>
          )}
        />
        <Button type="submit" busy={action.busy} data-testid="vt-attendance-save">
          {t('vt.courses.saveAttendance')}
        </Button>
        {saved !== undefined && (
          <p data-testid="vt-attendance-saved">{t('vt.courses.attendanceSaved', { session: formatNumber(saved) })}</p>
        )}
      </Form>
    </Card>
  );
}
