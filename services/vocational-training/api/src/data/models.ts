import type { LocalizedText, TrainingVenue } from '@hamgam/contracts';
import { accessLogModel, addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema, type Connection } from 'mongoose';
import type { PlacementState, ProgressCheck } from '../domain/apprenticeships.js';
import type { DemandLevel } from '../domain/counselling.js';
import type { CompletionResult, EnrolmentState } from '../domain/enrolments.js';
import type { ChecklistItem, StoredPermitStatus } from '../domain/permits.js';

const localized = { _id: false, fa: { type: String, required: true }, en: { type: String, required: true } };
const plain = { versionKey: false as const, minimize: false };

/** TVTO's own collections, beside the desk's `desk_*` ones in the same database. */
export const tvtoCollections = {
  courses: 'tvto_courses',
  enrolments: 'tvto_enrolments',
  permits: 'tvto_permits',
  demand: 'tvto_trade_demand',
  sessions: 'tvto_counselling_sessions',
  masters: 'tvto_guild_masters',
  placements: 'tvto_placements',
} as const;

export const courseLevels = ['beginner', 'intermediate', 'advanced'] as const;
export type CourseLevel = (typeof courseLevels)[number];

export interface StoredCourse {
  _id: string;
  title: LocalizedText;
  trade: string;
  level: CourseLevel;
  hours: number;
  /** Sessions planned; attendance is taken per session number 1…sessions. */
  sessions: number;
  /** Highest session number held so far (attendance taken): the base of the pass rule. */
  sessionsHeld: number;
  venue: TrainingVenue;
  venueName: LocalizedText;
  schedule: LocalizedText;
  startsOn: string;
  endsOn: string;
  capacity: number;
  /** The enrolments holding a seat; `seats` is its length, kept beside it for the conditional update that enforces capacity. */
  seatHolders: string[];
  seats: number;
  createdAt: Date;
  createdBy: string;
}

export interface StoredEnrolment {
  _id: string;
  courseId: string;
  /** `<courseId>:<residentRef>`, unique: a resident is enrolled on a course once. */
  seatKey: string;
  trade: string;
  venue: TrainingVenue;
  residentRef: string;
  householdRef: string | null;
  neighbourhoodId: string | null;
  referralId: string | null;
  source: 'referral' | 'direct';
  /**
   * Whether the resident is one the clinics told TVTO of: from a referral, a walk-in under the id TVTO made
   * (nothing to check), or a resident a clinic's referral to TVTO had named. False: a direct record for a ref
   * no clinic gave TVTO (mistyped or made up), kept but shown unverified until a referral names the resident.
   * Absent on records stored before the check: verified only if made from a referral.
   */
  refsVerified?: boolean;
  state: EnrolmentState;
  attended: number[];
  result: CompletionResult | null;
  certificateNo: string | null;
  enrolledAt: Date;
  enrolledBy: string;
  completedAt: Date | null;
  outbox: OutboxEntry[];
}

export interface PermitInspection {
  date: string;
  inspector: string;
  findings: string;
  passed: boolean;
}

export interface StoredPermit {
  _id: string;
  trackingCode: string;
  /** The clinic referral the application answers (closed when the application is decided), if any. */
  referralId: string | null;
  /** The applicant as the clinic knows them (opaque), or null for a walk-in. */
  residentRef: string | null;
  /**
   * Whether the resident is one the clinics told TVTO of: from a referral, a walk-in (no ref:
   * nothing to check), or a resident a clinic's referral to TVTO had named. False: a direct record for a ref
   * no clinic gave TVTO (mistyped or made up), kept but shown unverified until a referral names the resident.
   * Absent on records stored before the check: verified only if made from a referral.
   */
  refsVerified?: boolean;
  /**
   * The applicant's personal data — a walk-in's name and the workshop's address (ApplicantData) — sealed
   * (`v2.<keyId>.…`, PERMITS_PII_ENCRYPTION_KEY): opened only for TVTO's staff, never in an event.
   */
  applicant: string;
  trade: string;
  neighbourhoodId: string;
  status: StoredPermitStatus;
  checklist: ChecklistItem[];
  inspection: PermitInspection | null;
  decision: { decision: 'approved' | 'rejected'; reason: string; at: Date; by: string } | null;
  permitNo: string | null;
  validUntil: string | null;
  renewals: { at: Date; validUntil: string; by: string }[];
  /** Each status reached; `note` says why when it needs saying (an unverified applicant). */
  history: { status: string; at: Date; by: string; note?: string }[];
  submittedAt: Date;
  updatedAt: Date;
  outbox: OutboxEntry[];
}

export interface StoredDemand {
  _id: string;
  label: LocalizedText;
  level: DemandLevel;
  note: LocalizedText;
  updatedAt: Date;
  updatedBy: string;
}

export const sessionStates = ['booked', 'held', 'no-show'] as const;
export type SessionState = (typeof sessionStates)[number];

export interface StoredSession {
  _id: string;
  clinicId: string;
  residentRef: string;
  referralId: string | null;
  /**
   * Whether the resident is one the clinics told TVTO of: booked from a referral, or a resident a clinic's
   * referral to TVTO had named. False: a direct booking for a ref no clinic gave TVTO (mistyped or made up),
   * kept but shown unverified until a referral names the resident. Absent on sessions stored before the check:
   * verified only if booked from a referral.
   */
  refsVerified?: boolean;
  day: string;
  time: string;
  state: SessionState;
  notes: string | null;
  guidance: string[];
  counsellor: string;
  bookedAt: Date;
  recordedAt: Date | null;
}

export interface StoredMaster {
  _id: string;
  name: string;
  guild: LocalizedText;
  trade: string;
  neighbourhoodId: string;
  capacity: number;
  seatHolders: string[];
  seats: number;
  createdAt: Date;
}

export interface StoredPlacement {
  _id: string;
  masterId: string;
  /** `<masterId>:<residentRef>`, unique. */
  seatKey: string;
  trade: string;
  residentRef: string;
  householdRef: string | null;
  neighbourhoodId: string | null;
  referralId: string | null;
  /**
   * Whether the resident is one the clinics told TVTO of: from a referral, a walk-in under the id TVTO made
   * (nothing to check), or a resident a clinic's referral to TVTO had named. False: a direct record for a ref
   * no clinic gave TVTO (mistyped or made up), kept but shown unverified until a referral names the resident.
   * Absent on records stored before the check: verified only if made from a referral.
   */
  refsVerified?: boolean;
  state: PlacementState;
  startedOn: string;
  checks: ProgressCheck[];
  endedAt: Date | null;
  createdBy: string;
}

export function tvtoModels(connection: Connection) {
  const course = new Schema<StoredCourse>(
    {
      _id: String,
      title: localized,
      trade: String,
      level: { type: String, enum: courseLevels },
      hours: Number,
      sessions: Number,
      sessionsHeld: { type: Number, default: 0 },
      venue: { _id: false, kind: String, id: String },
      venueName: localized,
      schedule: localized,
      startsOn: String,
      endsOn: String,
      capacity: Number,
      seatHolders: { type: [String], default: [] },
      seats: { type: Number, default: 0 },
      createdAt: Date,
      createdBy: String,
    },
    { ...plain, collection: tvtoCollections.courses },
  );
  const enrolment = addOutbox(
    new Schema<StoredEnrolment>(
      {
        _id: String,
        courseId: { type: String, index: true },
        seatKey: { type: String, unique: true },
        trade: String,
        venue: { _id: false, kind: String, id: String },
        residentRef: String,
        householdRef: { type: String, default: null },
        neighbourhoodId: { type: String, default: null },
        referralId: { type: String, default: null },
        source: String,
        refsVerified: Boolean,
        state: String,
        attended: { type: [Number], default: [] },
        result: { type: String, default: null },
        certificateNo: { type: String, default: null },
        enrolledAt: Date,
        enrolledBy: String,
        completedAt: { type: Date, default: null },
      },
      { ...plain, collection: tvtoCollections.enrolments },
    ),
  );
  const permit = addOutbox(
    new Schema<StoredPermit>(
      {
        _id: String,
        trackingCode: { type: String, unique: true },
        referralId: { type: String, default: null },
        residentRef: { type: String, default: null },
        refsVerified: Boolean,
        applicant: { type: String, required: true },
        trade: String,
        neighbourhoodId: String,
        status: String,
        checklist: { type: [String], default: [] },
        inspection: { type: new Schema({ date: String, inspector: String, findings: String, passed: Boolean }, { _id: false }), default: null },
        decision: { type: new Schema({ decision: String, reason: String, at: Date, by: String }, { _id: false }), default: null },
        permitNo: { type: String, default: null },
        validUntil: { type: String, default: null },
        renewals: { type: [{ _id: false, at: Date, validUntil: String, by: String }], default: [] },
        history: { type: [{ _id: false, status: String, at: Date, by: String, note: String }], default: [] },
        submittedAt: Date,
        updatedAt: Date,
      },
      { ...plain, collection: tvtoCollections.permits },
    ),
  );
  const demand = new Schema<StoredDemand>(
    { _id: String, label: localized, level: String, note: localized, updatedAt: Date, updatedBy: String },
    { ...plain, collection: tvtoCollections.demand },
  );
  const session = new Schema<StoredSession>(
    {
      _id: String,
      clinicId: { type: String, index: true },
      residentRef: String,
      referralId: { type: String, default: null },
      refsVerified: Boolean,
      day: String,
      time: String,
      state: String,
      notes: { type: String, default: null },
      guidance: { type: [String], default: [] },
      counsellor: String,
      bookedAt: Date,
      recordedAt: { type: Date, default: null },
    },
    { ...plain, collection: tvtoCollections.sessions },
  );
  const master = new Schema<StoredMaster>(
    {
      _id: String,
      name: String,
      guild: localized,
      trade: String,
      neighbourhoodId: String,
      capacity: Number,
      seatHolders: { type: [String], default: [] },
      seats: { type: Number, default: 0 },
      createdAt: Date,
    },
    { ...plain, collection: tvtoCollections.masters },
  );
  const placement = new Schema<StoredPlacement>(
    {
      _id: String,
      masterId: { type: String, index: true },
      seatKey: { type: String, unique: true },
      trade: String,
      residentRef: String,
      householdRef: { type: String, default: null },
      neighbourhoodId: { type: String, default: null },
      referralId: { type: String, default: null },
      refsVerified: Boolean,
      state: String,
      startedOn: String,
      checks: { type: [{ _id: false, month: String, rating: Number, note: String, at: Date, by: String }], default: [] },
      endedAt: { type: Date, default: null },
      createdBy: String,
    },
    { ...plain, collection: tvtoCollections.placements },
  );
  return {
    courses: connection.model<StoredCourse>('TvtoCourse', course),
    enrolments: connection.model<StoredEnrolment>('TvtoEnrolment', enrolment),
    permits: connection.model<StoredPermit>('TvtoPermit', permit),
    demand: connection.model<StoredDemand>('TvtoTradeDemand', demand),
    sessions: connection.model<StoredSession>('TvtoCounsellingSession', session),
    masters: connection.model<StoredMaster>('TvtoGuildMaster', master),
    placements: connection.model<StoredPlacement>('TvtoPlacement', placement),
    accessLog: accessLogModel(connection),
  };
}

export type TvtoModels = ReturnType<typeof tvtoModels>;
