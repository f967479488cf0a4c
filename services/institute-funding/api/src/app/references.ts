import { deskPlaces } from '@hamgam/agency-desk';
import { referenceTradeIds } from '@hamgam/contracts';
import type { FundingDeps } from '../deps.js';

/** The neighbourhoods (the desk's places) and trades (the contracts' list) the office's records may name. */
export async function knownReferences(deps: Pick<FundingDeps, 'models'>) {
  const places = await deskPlaces(deps.models);
  return { neighbourhoodIds: new Set(places.neighbourhoods.map((n) => n.neighbourhoodId)), trades: new Set(referenceTradeIds) };
}
