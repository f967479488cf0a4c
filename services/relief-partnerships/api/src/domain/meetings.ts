import { BrokenRuleError } from '@hamgam/service-kit/errors';
import { isFutureDay } from './days.js';

/** A joint meeting as recorded: held (not ahead of today), with a partner present and each agency listed once. Pure. */
export function checkMeeting(meeting: { heldOn: string; attendees: readonly string[] }, now: Date): void {
  if (!meeting.attendees.includes('relief-committee') && !meeting.attendees.includes('basij-construction')) {
    throw new BrokenRuleError(
      'meeting-without-partner',
      'a joint meeting has the Relief Committee or Basij Construction present',
      'attendees',
    );
  }
  if (new Set(meeting.attendees).size !== meeting.attendees.length)
    throw new BrokenRuleError('attendee-listed-twice', 'each agency is listed once', 'attendees');
  if (isFutureDay(meeting.heldOn, now)) throw new BrokenRuleError('meeting-in-future', 'a meeting is recorded once held', 'heldOn');
}
