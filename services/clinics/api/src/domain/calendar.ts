import type { LocalizedText } from '@hamgam/contracts';
import { addDays, dayOf, localInstant, weekdayOf } from '@hamgam/contracts/days';

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
  if (!Number.isInteger(rule.weekday) || rule.weekday < 0 || rule.weekday > 6) throw new RangeError('weekday is 0–6');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(rule.startTime)) throw new RangeError('startTime is HH:mm');
  if (rule.durationMinutes <= 0) throw new RangeError('durationMinutes must be positive');
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

export type BookingRefusal = 'full' | 'already-booked' | 'past';

/** Why a resident cannot be booked into a slot now, or null when they can. */
export function bookingRefusal(slot: BookableSlot, residentId: string, now: Date): BookingRefusal | null {
  if (slot.startsAt.getTime() <= now.getTime()) return 'past';
  if (slot.residentIds.includes(residentId)) return 'already-booked';
  if (slot.bookedCount >= slot.capacity) return 'full';
  return null;
}
