import type { LocalizedText } from '@hamgam/contracts';
import { addDays, dayOf, localInstant, weekdayOf } from '@hamgam/contracts/days';
import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';

/** What happens in a clinic's slot (BRIEF items 5–7). */
export const slotKinds = ['tvto-counselling', 'guild-meeting', 'joint-meeting'] as const;
export type SlotKind = (typeof slotKinds)[number];

export const slotKindLabels: Record<SlotKind, LocalizedText> = {
  'tvto-counselling': { fa: 'مشاوره شغلی فنی و حرفه‌ای', en: 'TVTO career counselling' },
  'guild-meeting': { fa: 'جلسه با صنف (شاگرد–استادی)', en: 'Guild meeting (master–apprentice placement)' },
  'joint-meeting': { fa: 'جلسه مشترک', en: 'Joint meeting' },
};

/** A weekly recurring slot: e.g. the TVTO counsellor every Monday 09:00–13:00 at the clinic. */
export interface WeeklyRule {
  /** 0 = Sunday … 6 = Saturday (the Iranian week starts on Saturday). */
  weekday: number;
  /** Local start time `HH:mm`. */
  startTime: string;
  durationMinutes: number;
}

export interface SlotTime {
  startsAt: Date;
  endsAt: Date;
}

/**
 * The dated occurrences of a weekly rule in the `weeks` weeks starting on the local day of `from`
 * (occurrences that already started before `from` are left out).
 */
export function weeklyOccurrences(rule: WeeklyRule, from: Date, weeks: number): SlotTime[] {
  if (!Number.isInteger(rule.weekday) || rule.weekday < 0 || rule.weekday > 6)
    throw new BrokenRuleError('weekly-rule-invalid', 'weekday is 0–6', 'weekday');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(rule.startTime))
    throw new BrokenRuleError('weekly-rule-invalid', 'startTime is HH:mm', 'startTime');
  if (rule.durationMinutes <= 0) throw new BrokenRuleError('weekly-rule-invalid', 'durationMinutes must be positive', 'durationMinutes');
  const firstDay = dayOf(from);
  const firstWeekday = weekdayOf(firstDay);
  const offset = (rule.weekday - firstWeekday + 7) % 7;
  const occurrences: SlotTime[] = [];
  for (let week = 0; week < weeks; week++) {
    const day = addDays(firstDay, offset + week * 7);
    const startsAt = localInstant(day, rule.startTime);
    if (startsAt.getTime() < from.getTime()) continue;
    occurrences.push({ startsAt, endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000) });
  }
  return occurrences;
}

export interface BookableSlot {
  capacity: number;
  bookedCount: number;
  startsAt: Date;
  residentIds: readonly string[];
}

/** A resident is booked into a slot that has not begun, once, while it has a free seat. */
export function checkBooking(slot: BookableSlot, residentId: string, now: Date): void {
  if (slot.startsAt.getTime() <= now.getTime()) throw new IllegalStepError('slot-started', 'the slot has already begun');
  if (slot.residentIds.includes(residentId))
    throw new IllegalStepError('resident-already-booked', 'the resident is already booked into this slot');
  if (slot.bookedCount >= slot.capacity) throw new IllegalStepError('slot-full', 'the slot is full');
}

/** A single slot is made for a time still to come. */
export function checkSlotStart(startsAt: Date, now: Date): void {
  if (startsAt.getTime() <= now.getTime()) throw new BrokenRuleError('slot-in-past', 'a slot must start in the future', 'startsAt');
}
