import { partnerAgencies, type CommitmentStatus, type NeedCategory, type PartnerAgency, type RankedPriority } from '@hamgam/contracts';
import { deliveredOnTime, effectiveDueOn, isOverdue, type Commitment } from './commitments.js';

export type BoardCommitment = Pick<
  Commitment,
  'id' | 'agency' | 'answers' | 'title' | 'dueOn' | 'revisedDueOn' | 'status' | 'deliveredOn' | 'source'
>;

export interface BoardItem {
  id: string;
  agency: PartnerAgency;
  title: string;
  answers: NeedCategory | null;
  status: CommitmentStatus;
  dueOn: string;
  effectiveDueOn: string;
  overdue: boolean;
}

export interface BoardCell {
  agency: PartnerAgency;
  commitments: BoardItem[];
}

export interface BoardRow {
  rank: number;
  category: NeedCategory;
  households: number;
  cells: BoardCell[];
  /** Agencies with a live commitment for this priority. */
  agencies: PartnerAgency[];
  covered: boolean;
  duplicated: boolean;
}

export interface AgencyRate {
  agency: PartnerAgency;
  deliveredOnTime: number;
  delivered: number;
  overdueUndelivered: number;
  slipped: number;
  /** delivered + overdue-undelivered + slipped: everything whose outcome is known or late. */
  counted: number;
  /** deliveredOnTime ÷ counted; null when nothing counts yet (no figure rather than a made-up 0 or 100 %). */
  rate: number | null;
}

export interface Board {
  rows: BoardRow[];
  uncovered: NeedCategory[];
  duplicated: NeedCategory[];
  /** Actions that answer no priority of the latest list: none named, or a category the list does not have. */
  unlinked: BoardItem[];
  overdue: BoardItem[];
  rates: AgencyRate[];
}

/**
 * A commitment still counts towards covering its priority unless it slipped with no new day given
 * (then nobody is doing it any more). Delivered work covers the priority: it was answered.
 */
export const isLive = (c: Pick<Commitment, 'status' | 'revisedDueOn'>) => c.status !== 'slipped' || c.revisedDueOn !== null;

const toItem = (c: BoardCommitment, now: Date): BoardItem => ({
  id: c.id,
  agency: c.agency,
  title: c.title,
  answers: c.answers,
  status: c.status,
  dueOn: c.dueOn,
  effectiveDueOn: effectiveDueOn(c),
  overdue: isOverdue(c, now),
});

/**
 * The programme board of one neighbourhood: its latest published priorities × the partner agencies,
 * what is uncovered, duplicated or unlinked, what is overdue, and each agency's on-time delivery rate.
 */
export function computeBoard(input: {
  priorities: readonly RankedPriority[];
  commitments: readonly BoardCommitment[];
  now: Date;
  agencies?: readonly PartnerAgency[];
}): Board {
  const { now } = input;
  const agencies = input.agencies ?? partnerAgencies;
  const priorities = [...input.priorities].sort((a, b) => a.rank - b.rank);
  const listed = new Set<string>(priorities.map((p) => p.category));
  const items = input.commitments.map((c) => ({ c, item: toItem(c, now) }));

  const rows: BoardRow[] = priorities.map((p) => {
    const cells = agencies.map((agency) => ({
      agency,
      commitments: items.filter(({ c }) => c.agency === agency && c.answers === p.category).map(({ item }) => item),
    }));
    const live = agencies.filter((agency) => items.some(({ c }) => c.agency === agency && c.answers === p.category && isLive(c)));
    return {
      rank: p.rank,
      category: p.category,
      households: p.households,
      cells,
      agencies: live,
      covered: live.length > 0,
      duplicated: live.length >= 2,
    };
  });

  const rates = agencies.map((agency) => {
    const own = input.commitments.filter((c) => c.agency === agency);
    const delivered = own.filter((c) => c.status === 'delivered');
    const onTime = delivered.filter(deliveredOnTime).length;
    const slipped = own.filter((c) => c.status === 'slipped').length;
    const overdueUndelivered = own.filter((c) => (c.status === 'planned' || c.status === 'in-progress') && isOverdue(c, now)).length;
    const counted = delivered.length + overdueUndelivered + slipped;
    return {
      agency,
      deliveredOnTime: onTime,
      delivered: delivered.length,
      overdueUndelivered,
      slipped,
      counted,
      rate: counted === 0 ? null : onTime / counted,
    };
  });

  const byDue = (a: BoardItem, b: BoardItem) => a.effectiveDueOn.localeCompare(b.effectiveDueOn) || a.id.localeCompare(b.id);
  return {
    rows,
    uncovered: rows.filter((r) => !r.covered).map((r) => r.category),
    duplicated: rows.filter((r) => r.duplicated).map((r) => r.category),
    unlinked: items
      .filter(({ c }) => c.answers === null || !listed.has(c.answers))
      .map(({ item }) => item)
      .sort(byDue),
    overdue: items
      .filter(({ item }) => item.overdue)
      .map(({ item }) => item)
      .sort(byDue),
    rates,
  };
}
