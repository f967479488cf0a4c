import type { Connection } from 'mongoose';
import { accessSchema } from './access-log.js';
import { agreedOrderSchema } from './agreed-orders.js';
import { assessmentSchema } from './assessments.js';
import { consentSchema } from './consents.js';
import { assessmentDraftSchema } from './drafts.js';
import { householdSchema } from './households.js';
import { journeyEntrySchema } from './journey.js';
import { offerSchema } from './offers.js';
import { clinicSchema, neighbourhoodSchema } from './places.js';
import { priorityListSchema } from './priority-lists.js';
import { referralSchema } from './referrals.js';
import { residentSchema } from './residents.js';
import { slotSchema } from './slots.js';

/** The clinics' models on one connection; each schema (typed by its stored shape) lives in its aggregate's file. */
export function clinicsModels(connection: Connection) {
  return {
    neighbourhoods: connection.model('Neighbourhood', neighbourhoodSchema),
    clinics: connection.model('Clinic', clinicSchema),
    assessments: connection.model('Assessment', assessmentSchema),
    priorityLists: connection.model('PriorityList', priorityListSchema),
    households: connection.model('Household', householdSchema),
    residents: connection.model('Resident', residentSchema),
    consents: connection.model('Consent', consentSchema),
    accessLog: connection.model('ResidentAccess', accessSchema),
    assessmentDrafts: connection.model('AssessmentDraft', assessmentDraftSchema),
    agreedOrders: connection.model('AgreedPriorityOrder', agreedOrderSchema),
    offers: connection.model('Offer', offerSchema),
    referrals: connection.model('Referral', referralSchema),
    slots: connection.model('CalendarSlot', slotSchema),
    journey: connection.model('JourneyEntry', journeyEntrySchema),
  };
}
