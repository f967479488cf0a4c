import { numberFromId } from '@hamgam/agency-desk';

/**
 * A household's number people read and say (`HH-K7QM-3XWA`), made from its opaque ref alone: the fund and
 * the Relief Committee, who share the ref, name the household the same way without a UUID on screen.
 */
export const householdNumberOf = (householdRef: string): string => numberFromId(householdRef, 'HH-');
