// The hierarchy is reference data every service serves by name: it lives in the contracts.
export {
  referenceClinics,
  referenceNeighbourhoods,
  type ReferenceClinic as Clinic,
  type ReferenceNeighbourhood as Neighbourhood,
} from '@hamgam/contracts';
