import { caps, pageOf, readAll, type PageContext } from '@hamgam/service-kit';
import mongoose from 'mongoose';
import { codeSearch } from '../domain/code-search.js';
import type { DeskDeps } from '../options.js';
import { deskPlaces, placeNames } from './places.js';

/**
 * The residents and households the clinics named to this agency in their referrals (any offer, any state),
 * one row a referral, newest first, found by the referral's tracking code (whole or begun). What the agency
 * may know of a person is this: the code the resident shows, where, for what — so its screens pick a person
 * from here and never ask for an id typed by hand. Paged over referrals.
 */
export async function referredPeople(deps: DeskDeps, q: string | undefined, page: PageContext) {
  const { referrals, offers } = deps.models;
  const filter = {
    householdRef: mongoose.trusted({ $ne: null }),
    trackingCode: q ? codeSearch(q) : mongoose.trusted({ $ne: null }),
  };
  const [rows, titles, places] = await Promise.all([
    pageOf(referrals.find(filter, { outbox: 0 }).lean(), page, page.res, { by: 'madeAt', order: -1 }),
    readAll(offers.find({}, { title: 1 }).lean(), caps.reference),
    deskPlaces(deps.models),
  ]);
  const titleOf = new Map(titles.map((o) => [o._id, o.title]));
  const names = placeNames(places);
  return rows.map((r) => ({
    referralId: r._id,
    trackingCode: r.trackingCode!,
    residentRef: r.residentRef!,
    householdRef: r.householdRef!,
    neighbourhoodId: r.neighbourhoodId!,
    neighbourhoodName: names.neighbourhood(r.neighbourhoodId),
    clinicId: r.clinicId!,
    clinicName: names.clinic(r.clinicId),
    offerId: r.offerId!,
    offerTitle: (r.offerId && titleOf.get(r.offerId)) || null,
    needCategory: r.needCategory!,
    state: r.state,
    madeAt: r.madeAt!,
  }));
}
