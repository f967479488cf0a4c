import { BrokenRuleError } from '@hamgam/service-kit/errors';

/**
 * A call's or an institute's neighbourhoods and trades are ones the programme names (the desk's places,
 * the contracts' trades), so every screen can label them and a typed slug (`سرآسیاب`, `welding2`) is
 * refused with the field at fault, not stored for nobody to read.
 */
export function checkKnownReferences(
  given: { neighbourhoodIds: readonly string[]; trades: readonly string[] },
  known: { neighbourhoodIds: ReadonlySet<string>; trades: ReadonlySet<string> },
  neighbourhoodField: 'neighbourhoodIds' | 'neighbourhoodId' = 'neighbourhoodIds',
): void {
  const place = given.neighbourhoodIds.find((id) => !known.neighbourhoodIds.has(id));
  if (place !== undefined)
    throw new BrokenRuleError('neighbourhood-unknown', `no neighbourhood ${place} in the programme`, neighbourhoodField);
  const trade = given.trades.find((id) => !known.trades.has(id));
  if (trade !== undefined) throw new BrokenRuleError('trade-unknown', `no trade ${trade} in the programme's list`, 'trades');
}
