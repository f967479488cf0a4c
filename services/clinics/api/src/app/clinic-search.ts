import { trackingCodeSchema } from '@hamgam/contracts';
import { inList, readAll, type Principal } from '@hamgam/service-kit';
import mongoose from 'mongoose';
import { isValidNationalId, toLatinDigits } from '../domain/national-id.js';
import { isOwnClinicStaff, type ResidentDeps } from './residents.js';

/**
 * What was typed in a clinic's search box: a tracking code (a referral's), a national id (exact, by its
 * blind index, nothing decrypted), or else text: a household's file number or words of a name (by the
 * name's blind index: whole words, see domain/name-tokens.ts). Digits may be Persian or Arabic-Indic.
 */
export type SearchTerm =
  { kind: 'tracking-code'; code: string } | { kind: 'national-id'; nationalId: string } | { kind: 'text'; text: string };

export function readSearch(q: string): SearchTerm {
  const latin = toLatinDigits(q).trim();
  const code = latin.toUpperCase();
  if (trackingCodeSchema.safeParse(code).success) return { kind: 'tracking-code', code };
  const digits = latin.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(digits) && isValidNationalId(digits)) return { kind: 'national-id', nationalId: digits };
  return { kind: 'text', text: latin };
}

/** A filter no document matches. */
export const nothing = () => ({ _id: inList<string>([]) });
const all = (values: string[]) => mongoose.trusted({ $all: values }) as unknown as string;

/** How many residents a search reads to find their households or referrals: a search is for finding someone, not a report. */
export const searchReach = 200;

/**
 * A search for people (a name, a national id) is for the staff of the clinics searched: a coordinator or
 * an auditor, who never see names, may search by file number and tracking code only — else the search box
 * would tell them who is registered where.
 */
const searchesPeople = (principal: Principal, clinicIds: readonly string[]) =>
  clinicIds.length > 0 && clinicIds.every((id) => isOwnClinicStaff(principal, id));

const clinicFilter = (clinicIds: readonly string[]) => (clinicIds.length === 1 ? clinicIds[0]! : inList(clinicIds));

/** The households of these clinics whose file number is what was typed (as typed, or upper-cased: `sar-0001`). */
async function householdsByFileNumber(models: ResidentDeps['models'], clinicIds: readonly string[], text: string): Promise<string[]> {
  const variants = [...new Set([text, text.toUpperCase()])];
  const rows = await readAll(
    models.households
      .find({ clinicId: clinicFilter(clinicIds), fileNumber: variants.length === 1 ? variants[0]! : inList(variants) }, { _id: 1 })
      .lean(),
    searchReach,
  );
  return rows.map((h) => h._id);
}

/** The filter on residents (of these clinics) that the search term names. */
export async function residentSearchFilter(
  { models, pii }: Pick<ResidentDeps, 'models' | 'pii'>,
  principal: Principal,
  clinicIds: readonly string[],
  term: SearchTerm,
): Promise<Record<string, unknown>> {
  const people = searchesPeople(principal, clinicIds);
  switch (term.kind) {
    case 'tracking-code': {
      const referral = await models.referrals.findOne({ trackingCode: term.code }, { residentId: 1, clinicId: 1 }).lean();
      return referral && clinicIds.includes(referral.clinicId) ? { _id: referral.residentId } : nothing();
    }
    case 'national-id':
      if (!people) return nothing();
      return { nationalIdIndex: inList(pii.blindIndexes(term.nationalId)) };
    case 'text': {
      const households = await householdsByFileNumber(models, clinicIds, term.text);
      const byName = people ? pii.nameSearchIndexes(term.text).map((indexes) => ({ nameIndex: all(indexes) })) : [];
      const either = [...(households.length ? [{ householdId: inList(households) }] : []), ...byName];
      return either.length === 0 ? nothing() : either.length === 1 ? either[0]! : { $or: either };
    }
  }
}

/** The ids (and households) of the residents of these clinics a search names, at most `searchReach` of them. */
export async function residentsFound(
  deps: Pick<ResidentDeps, 'models' | 'pii'>,
  principal: Principal,
  clinicIds: readonly string[],
  term: SearchTerm,
): Promise<{ _id: string; householdId: string }[]> {
  const filter = await residentSearchFilter(deps, principal, clinicIds, term);
  return deps.models.residents
    .find({ clinicId: clinicFilter(clinicIds), ...filter }, { _id: 1, householdId: 1 })
    .limit(searchReach)
    .lean();
}

/** The filter on households (of one clinic) the search names: its file number, or the households of the residents found. */
export async function householdSearchFilter(
  deps: Pick<ResidentDeps, 'models' | 'pii'>,
  principal: Principal,
  clinicId: string,
  term: SearchTerm,
): Promise<Record<string, unknown>> {
  const households = new Set((await residentsFound(deps, principal, [clinicId], term)).map((r) => r.householdId));
  if (term.kind === 'text') for (const id of await householdsByFileNumber(deps.models, [clinicId], term.text)) households.add(id);
  return households.size === 0 ? nothing() : { _id: inList([...households]) };
}
