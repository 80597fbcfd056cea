// What the desk page shows, kept in the address (query string): a reload or a shared link opens the same queue,
// filters, sort and inquiry.
import type { InquiryFilter, InquiryKind, InquiryOrder, InquiryQueue, InquiryStatus } from './gql/graphql';

export const QUEUES: InquiryQueue[] = [
  'MINE',
  'UNASSIGNED',
  'MY_TEAMS',
  'DUE_SOON',
  'OVERDUE',
  'WAITING_ON_MINISTRIES',
  'WAITING_ON_EXPERTS',
];
export const STATUSES: InquiryStatus[] = ['RECEIVED', 'IN_PROGRESS', 'COORDINATING', 'ANSWERED', 'CLOSED'];
export const KINDS: InquiryKind[] = ['EXPERTISE_REQUEST', 'KNOWLEDGE_SECURITY'];
/** The teams an inquiry can be routed to, by their network slug. */
export const TEAMS = [
  { slug: 'knowledge-security-desk', label: 'LKV' },
  { slug: 'ckn', label: 'CKN' },
  { slug: 'reka', label: 'REKA' },
];
/** The filters the page offers, by their name in the address. */
export const FILTER_KEYS = [
  'network',
  'status',
  'kind',
  'theme',
  'country',
  'handler',
  'text',
  'due',
  'flagged',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface DeskState {
  /** null: no queue, the filters alone (every inquiry the viewer may see). */
  queue: InquiryQueue | null;
  filters: Partial<Record<FilterKey, string>>;
  sort: InquiryOrder;
  inquiry: string | null;
  /** The timeline's order: newest first unless chosen otherwise. */
  oldestFirst: boolean;
}

export function readState(search = location.search): DeskState {
  const params = new URLSearchParams(search);
  const queue = params.get('queue');
  const filters: DeskState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return {
    queue: queue === 'ALL' ? null : QUEUES.includes(queue as InquiryQueue) ? (queue as InquiryQueue) : 'UNASSIGNED',
    filters,
    sort: params.get('sort') === 'DUE' ? 'DUE' : 'RECEIVED',
    inquiry: params.get('inquiry')?.trim() || null,
    oldestFirst: params.get('timeline') === 'oldest',
  };
}

/** The address of a state: what the queue links point to, and what the page writes into the address bar. */
export function stateUrl(state: DeskState): string {
  const params = new URLSearchParams();
  params.set('queue', state.queue ?? 'ALL');
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== 'RECEIVED') params.set('sort', state.sort);
  if (state.inquiry) params.set('inquiry', state.inquiry);
  if (state.oldestFirst) params.set('timeline', 'oldest');
  return `${location.pathname}?${params.toString()}`;
}

/** The API's filter for a state. */
export function filterOf(state: DeskState): InquiryFilter {
  const f = state.filters;
  const due = f.due !== undefined && /^\d+$/.test(f.due) ? Number(f.due) : undefined;
  return {
    ...(state.queue ? { queue: state.queue } : {}),
    ...(f.network ? { network: f.network } : {}),
    ...(f.status && STATUSES.includes(f.status as InquiryStatus) ? { status: [f.status as InquiryStatus] } : {}),
    ...(f.kind && KINDS.includes(f.kind as InquiryKind) ? { kind: f.kind as InquiryKind } : {}),
    ...(f.theme ? { theme: f.theme } : {}),
    ...(f.country ? { country: f.country } : {}),
    ...(f.handler ? { handler: f.handler } : {}),
    ...(f.text ? { text: f.text } : {}),
    ...(due !== undefined ? { dueWithinWorkingDays: due } : {}),
    // Only inquiries about a partner with a confirmed flag that is not delisted.
    ...(f.flagged === '1' ? { partnerFlagged: true } : {}),
  };
}
