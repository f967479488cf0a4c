// react-day-picker (v10) rather than react-multi-date-picker: one well-kept, widely used component
// whose month grid follows the WAI-ARIA grid pattern (arrow keys, Page Up/Down for months, Home/End),
// with the Jalali calendar as a first-party build (@daypicker/persian: Jalali months, Persian digits,
// Saturday first, right to left) over the same API as the Gregorian one; react-multi-date-picker
// brings its own date object and input, and its calendar is not a keyboard grid.
import { DayPicker, type Matcher, type Modifiers } from '@daypicker/react';
import { enGB } from '@daypicker/react/locale';
import { DayPicker as JalaliDayPicker } from '@daypicker/persian';
import { today } from '@hamgam/contracts/days';
import { useI18n } from '../i18n/I18nProvider';
import { dateOfDay, dayOfDate } from './dayText';

interface CalendarProps {
  /** The day shown selected, `YYYY-MM-DD`, or '' for none. */
  value: string;
  min?: string | undefined;
  max?: string | undefined;
  onPick: (day: string) => void;
}

/** How far the year list reaches when no min or max narrows it. */
const YEARS_BACK = 100;
const YEARS_AHEAD = 10;

/** A month grid to pick one day in: Jalali in fa, Gregorian in en; today is Iran's today. */
export function Calendar({ value, min, max, onPick }: CalendarProps) {
  const { t, locale, formatDate } = useI18n();
  const now = dateOfDay(today());
  const selected = value ? dateOfDay(value) : undefined;
  const disabled: Matcher[] = [];
  if (min) disabled.push({ before: dateOfDay(min) });
  if (max) disabled.push({ after: dateOfDay(max) });
  const props = {
    mode: 'single',
    selected,
    onSelect: (date: Date | undefined) => date && onPick(dayOfDate(date)),
    defaultMonth: selected ?? now,
    today: now,
    disabled,
    captionLayout: 'dropdown',
    startMonth: min ? dateOfDay(min) : new Date(now.getFullYear() - YEARS_BACK, 0),
    endMonth: max ? dateOfDay(max) : new Date(now.getFullYear() + YEARS_AHEAD, 11),
    autoFocus: true,
    // Days read out the way dates are written elsewhere («دوشنبه ۱۶ آذر ۱۴۰۵»), not date-fns' «۱۶-ام».
    labels: {
      labelDayButton: (date: Date, { today: isToday, selected: isSelected }: Modifiers) =>
        [isToday && t('date.today'), formatDate(dayOfDate(date), { dateStyle: 'full' }), isSelected && t('date.selected')]
          .filter(Boolean)
          .join(t('date.labelSeparator')),
    },
  } as const;
  return locale === 'fa' ? <JalaliDayPicker {...props} /> : <DayPicker {...props} locale={enGB} />;
}
