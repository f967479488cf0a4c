import type { RouteSpec, Subscription } from '@hamgam/service-kit';
import type { Connection, Model } from 'mongoose';
import { reconcileSeats } from './app/referrals.js';
import { seedDesk } from './app/seed.js';
import { deskModels, type DeskModels } from './data/models.js';
import { deskSubscriptions } from './events/subscriptions.js';
import type { DeskDeps, DeskOptions } from './options.js';
import { commitmentRoutes } from './routes/commitments.js';
import { offerRoutes } from './routes/offers.js';
import { referenceRoutes } from './routes/reference.js';
import { referralRoutes } from './routes/referrals.js';

export { deskBindingKeys } from './events/subscriptions.js';
export {
  deskCollections,
  deskModels,
  type DeskModels,
  type StoredCommitment,
  type StoredOffer,
  type StoredReferral,
} from './data/models.js';
export { readersOf, type DeskDeps, type DeskOptions } from './options.js';
/** A staff step on a received referral (accept/decline/complete), for an agency whose own domain closes the loop (e.g. a welfare case closed with its goals met). */
export { actOnReferral, type ReferralAction } from './app/referrals.js';
/** Catalogue writes (one write with the offer's event), for an agency whose own records are also offers (TVTO's courses). */
export { adjustSeat, createOffer, updateOffer, type OfferDeps } from './app/offers.js';
export { causeOf } from './options.js';
/** The desk's part of the agency's `GET /work` (what waits for its staff), for the service's work route to compose with its own. */
export { deskWork } from './app/work.js';
export * from './domain/commitments.js';
export * from './domain/offers.js';
export * from './domain/referrals.js';
export { IllegalTransitionError, isPast } from './domain/transitions.js';
/** Finding a record by a code a person types (a tracking code, a file number), for an agency's own lists. */
export { codeAlphabet, codeSearch, matchesNoCode, normaliseTypedCode, numberFromId, typedCodeOr } from './domain/code-search.js';
export { trackingCodeSearchSchema } from './routes/schemas.js';
/** The places the desk names (reference hierarchy and published neighbourhoods), for an agency's own views and checks. */
export { deskPlaces, placeNames, type Places } from './app/places.js';
/** The people the clinics referred to the agency, to pick from (an agency's own lists may add what it knows of each). */
export { referredPeople } from './app/people.js';
export { referredPersonSchema } from './routes/schemas.js';

/** The desk's pieces, for a partner service's ServiceDefinition to compose with its own. */
export interface AgencyDesk {
  options: DeskOptions;
  models(connection: Connection): DeskModels;
  outboxSources(models: DeskModels): Model<any>[];
  routes(deps: DeskDeps): RouteSpec[];
  subscriptions(deps: DeskDeps): Subscription[];
  /** Runs at every start: repairs offers' seats an interrupted acceptance or withdrawal left behind. */
  reference(models: DeskModels, deps: DeskDeps): Promise<void>;
  seedDemo(deps: DeskDeps): Promise<void>;
}

/**
 * The partner agencies' shared desk — service catalogue, received referrals, commitments — for the
 * agency named in `options` (it knows no other way which agency it runs in).
 */
export function agencyDesk(options: DeskOptions): AgencyDesk {
  return {
    options,
    models: deskModels,
    outboxSources: (models) => [models.offers, models.referrals, models.commitments],
    routes: (deps) => [
      ...offerRoutes(deps, options),
      ...referralRoutes(deps, options),
      ...commitmentRoutes(deps, options),
      ...referenceRoutes(deps, options),
    ],
    subscriptions: (deps) => deskSubscriptions(deps, options),
    // Before this replica listens or consumes; other replicas may be serving, so the repair takes the
    // offers' leases like any write. The relay's first sweep publishes whatever offer it had to republish.
    reference: async (models, deps) => {
      await reconcileSeats({ ...deps, models, flushOutbox: () => undefined }, options);
    },
    seedDemo: (deps) => seedDesk(deps, options),
  };
}
