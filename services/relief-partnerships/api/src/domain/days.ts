/**
 * Calendar days as the programme counts them (Iran's days, months for loan schedules): the one rule in
 * `@hamgam/contracts/days`. Pure helpers, no I/O.
 */
export { addDays, addMonths, dayOf, isFutureDay, isPastDay } from '@hamgam/contracts/days';
