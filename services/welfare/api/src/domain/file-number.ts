import { codeAlphabet } from '@hamgam/agency-desk';

/** What a file number begins with: a welfare case's, never mistaken for a referral's tracking code. */
export const fileNumberPrefix = 'WF-';

/**
 * The case's file number, what the officer reads, says on the phone and searches by (never the case's
 * uuid): `WF-` and 8 characters of the tracking codes' alphabet, grouped 4-4, derived from the case id
 * (40 bits of it: two cases share one in a caseload of 50,000 about once in 800 such caseloads, and a
 * search then shows both), so a case keeps it without a counter (FerretDB has no atomic one).
 */
export function fileNumberOf(caseId: string): string {
  let bits = BigInt(`0x${caseId.replace(/-/g, '').slice(0, 10)}`);
  const chars: string[] = [];
  for (let i = 0; i < 8; i++) {
    chars.unshift(codeAlphabet[Number(bits & 31n)]!);
    bits >>= 5n;
  }
  return `${fileNumberPrefix}${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
