/** A private training institute: where TVTO's courses at a `private-institute` venue take place. */
export interface Institute {
  instituteId: string;
  neighbourhoodId: string;
  trades: string[];
  licenceNo: string;
  licenceValidUntil: string;
}

/** A licence is valid through its last day (Kerman's day). */
export const licenceValid = (institute: Pick<Institute, 'licenceValidUntil'>, today: string) => institute.licenceValidUntil >= today;
