import { canReadInquiryContact, handlesInquiry } from '../auth/policy.js';
import { builder } from '../graphql/builder.js';
import { BATCHED_LIST_SIZES, lastOfBatchedList } from '../graphql/limits.js';
import { keepLast, lastCount } from '../graphql/paging.js';
import type { Context } from '../graphql/context.js';
import { defineLoader } from '../graphql/loaders.js';
import { InstitutionNode } from '../institutions/types.js';
import type { ClosingReason } from './closing-repository.js';
import { AskerChannelEnum, ClosingReasonEnum } from './handling-enums.js';
import type { AskerChannel } from './handling-values.js';
import { inquiryLinks } from './loaders.js';
import { lastAskerMessageAt, TIMELINE_KINDS, timelineOf, type TimelineEntry } from './timeline.js';
import {
  recordsOfInquiries,
  type AskerMessageRecord,
  type CoordinationRecord,
  type EditRecord,
  type InquiryRecords,
  type NoteRecord,
} from './timeline-repository.js';
import { InquiryNode, LAST_ARG } from './types.js';

/** What the handlers recorded on an inquiry, for a whole page in one round trip. */
const inquiryRecords = defineLoader<string, InquiryRecords>(recordsOfInquiries);
const records = (ctx: Context, id: string) => ctx.load(inquiryRecords).load(id);

const Note = builder.objectRef<NoteRecord>('InquiryNote').implement({
  description: 'An internal note by a handler: never shown to the asker, nor to those the answer is shared with.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The note.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When it was written.' }),
    by: t.exposeString('by', { nullable: true, description: 'Who wrote it.' }),
  }),
});

const AskerMessage = builder.objectRef<AskerMessageRecord>('AskerMessage').implement({
  description: 'A message to the asker: how and when they were told what, and by whom.',
  fields: (t) => ({
    channel: t.field({
      type: AskerChannelEnum,
      description: 'How.',
      resolve: (m) => m.channel as AskerChannel,
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When the asker was told.' }),
    summary: t.exposeString('summary', { description: 'What they were told, in short.' }),
    by: t.exposeString('by', { nullable: true, description: 'Who told them.' }),
  }),
});

const InquiryEdit = builder.objectRef<EditRecord>('InquiryEdit').implement({
  description: 'A correction of an inquiry’s intake fields (editInquiry, correctInquiryReceipt).',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    by: t.exposeString('by', { nullable: true, description: 'Who.' }),
    fields: t.exposeStringList('fields', { description: 'The fields that changed.' }),
    note: t.exposeString('note', { nullable: true, description: 'Why.' }),
  }),
});

const MinistryCoordination = builder.objectRef<CoordinationRecord>('MinistryCoordination').implement({
  description: 'Coordination with one ministry about an inquiry: asked when, answered when, and what it said.',
  fields: (t) => ({
    ministry: t.field({ type: InstitutionNode, description: 'The ministry.', resolve: (c) => c.ministry }),
    askedAt: t.expose('askedAt', { type: 'DateTime', nullable: true, description: 'When it was asked.' }),
    answeredAt: t.expose('answeredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it answered; null while waiting.',
    }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'What it said, in short.' }),
    by: t.exposeString('by', { nullable: true, description: 'Who recorded it.' }),
  }),
});

const TimelineKindEnum = builder.enumType('TimelineEntryKind', {
  description: 'What sort of event a timeline entry is.',
  values: Object.fromEntries(
    TIMELINE_KINDS.map((kind) => [kind, { description: `A ${kind.toLowerCase().replaceAll('_', ' ')}.` }]),
  ) as Record<(typeof TIMELINE_KINDS)[number], { description: string }>,
});

const TimelineEntryRef = builder.objectRef<TimelineEntry>('TimelineEntry').implement({
  description: 'One event in an inquiry’s story: a status change, note, message to the asker, edit, consultation.',
  fields: (t) => ({
    kind: t.field({ type: TimelineKindEnum, description: 'What happened.', resolve: (e) => e.kind }),
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    by: t.exposeString('by', { nullable: true, description: 'Who recorded it.' }),
    summary: t.exposeString('summary', { description: 'In plain words.' }),
  }),
});

const HANDLERS_ONLY = 'For its handlers and administrators only (refused to others, also when the answer is shared).';
const CASE_READERS = 'For whoever filed it, its handlers and administrators (refused to those it is only shared with).';

builder.objectFields(InquiryNode, (t) => ({
  closingReason: t.field({
    type: ClosingReasonEnum,
    nullable: true,
    description: 'Why it was closed; null while open, or when it was closed without a stated reason.',
    resolve: (i) => (i.closingReason ?? null) as ClosingReason | null,
  }),
  duplicateOf: t.field({
    type: InquiryNode,
    nullable: true,
    description: 'For one closed as DUPLICATE: the inquiry it duplicates.',
    resolve: async (i, _a, ctx) => (await records(ctx, i.id)).duplicateOf,
  }),
  notes: t.field({
    type: [Note],
    nullable: true,
    complexity: lastOfBatchedList(BATCHED_LIST_SIZES.notes),
    description: `Internal notes, oldest first (the newest \`last\`). ${HANDLERS_ONLY}`,
    args: { last: t.arg.int(LAST_ARG) },
    authScopes: (i, _args, ctx) => handlesInquiry(ctx.viewer, i),
    resolve: async (i, args, ctx) => keepLast((await records(ctx, i.id)).notes, lastCount(args.last)),
  }),
  askerMessages: t.field({
    type: [AskerMessage],
    nullable: true,
    complexity: lastOfBatchedList(BATCHED_LIST_SIZES.askerMessages),
    description: `Messages to the asker, oldest first (the newest \`last\`). ${CASE_READERS}`,
    args: { last: t.arg.int(LAST_ARG) },
    authScopes: (i, _args, ctx) => canReadInquiryContact(ctx.viewer, i),
    resolve: async (i, args, ctx) => keepLast((await records(ctx, i.id)).askerMessages, lastCount(args.last)),
  }),
  lastAskerMessageAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: `When the asker was last sent a message; null if never. ${CASE_READERS}`,
    authScopes: (i, _args, ctx) => canReadInquiryContact(ctx.viewer, i),
    resolve: async (i, _a, ctx) => lastAskerMessageAt(await records(ctx, i.id)),
  }),
  edits: t.field({
    type: [InquiryEdit],
    nullable: true,
    complexity: lastOfBatchedList(BATCHED_LIST_SIZES.edits),
    description: `Corrections of its intake fields, oldest first (the newest \`last\`). ${HANDLERS_ONLY}`,
    args: { last: t.arg.int(LAST_ARG) },
    authScopes: (i, _args, ctx) => handlesInquiry(ctx.viewer, i),
    resolve: async (i, args, ctx) => keepLast((await records(ctx, i.id)).edits, lastCount(args.last)),
  }),
  ministryCoordinations: t.field({
    type: [MinistryCoordination],
    nullable: true,
    description: `Coordination with ministries, one line per ministry. ${HANDLERS_ONLY}`,
    authScopes: (i, _args, ctx) => handlesInquiry(ctx.viewer, i),
    resolve: async (i, _a, ctx) => (await records(ctx, i.id)).coordinations,
  }),
  expectedAnswerAt: t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'While it waits on ministries (COORDINATING): when they are expected to answer, as the handler set it; ' +
      `null otherwise. ${CASE_READERS}`,
    authScopes: (i, _args, ctx) => canReadInquiryContact(ctx.viewer, i),
    resolve: (i) => (i.status === 'COORDINATING' ? (i.expectedAnswerAt ?? null) : null),
  }),
  timeline: t.field({
    type: [TimelineEntryRef],
    nullable: true,
    complexity: lastOfBatchedList(BATCHED_LIST_SIZES.timeline),
    description:
      'Everything that happened to it, oldest first (the newest `last`): status changes, notes, messages to the ' +
      `asker, edits, consultations, coordination with ministries. ${HANDLERS_ONLY}`,
    args: { last: t.arg.int(LAST_ARG) },
    authScopes: (i, _args, ctx) => handlesInquiry(ctx.viewer, i),
    resolve: async (i, args, ctx) => {
      const count = lastCount(args.last);
      const [links, own] = await Promise.all([ctx.load(inquiryLinks).load(i.id), records(ctx, i.id)]);
      return keepLast(timelineOf(links.history, links.consultations, own), count);
    },
  }),
}));
