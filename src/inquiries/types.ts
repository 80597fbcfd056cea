import { canReadInquiryContact, canSeeInquiry } from '../auth/policy.js';
import type { InputFieldMap } from '@pothos/core';
import { builder, type Types } from '../graphql/builder.js';
import { forbidden } from '../graphql/errors.js';
import { pageArgs } from '../graphql/args.js';
import { listConnection } from '../graphql/connections.js';
import type { Context } from '../graphql/context.js';
import { pageArgDescriptions } from '../graphql/paging.js';
import { HANDLERS, STAFF } from '../graphql/scopes.js';
import { ExpertNode } from '../experts/types.js';
import { InstitutionNode } from '../institutions/types.js';
import { NetworkNode } from '../networks/types.js';
import { CountryNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import { ExpertMatchConnection } from '../whoknows/types.js';
import {
  inquiriesByIds,
  linksOfInquiries,
  type ConsultationRecord,
  type InquiryLinks,
  type InquiryRecord,
  type StatusChangeRecord,
} from './repository.js';
import {
  answerInquiry,
  changeInquiryStatus,
  closeInquiry,
  consultExpert,
  findSimilarInquiries,
  linkFollowUp,
  listInquiries,
  recordInquiry,
  similarToInquiry,
  type RecordedInquiry,
  type SimilarInquiry,
} from './service.js';
import { INQUIRY_STATUSES } from './status.js';
import { workingDaysBetween } from './working-days.js';

const links = (ctx: Context, id: string) =>
  ctx.loader<string, InquiryLinks>('inquiryLinks', (ids) => linksOfInquiries(ctx.queries, ids)).load(id);

const OPEN = new Set(['RECEIVED', 'IN_PROGRESS', 'COORDINATING']);

const InquiryKindEnum = builder.enumType('InquiryKind', {
  description: 'What sort of question an inquiry is, which decides where it goes.',
  values: {
    EXPERTISE_REQUEST: { description: 'A request for knowledge or experts, to a knowledge network (CKN or REKA).' },
    KNOWLEDGE_SECURITY: { description: 'A question about the risks of international cooperation, to the knowledge security desk.' },
  } as const,
});

const InquiryStatusEnum = builder.enumType('InquiryStatus', {
  description: 'Where an inquiry is in its life.',
  values: {
    RECEIVED: { description: 'Came in; waiting its turn (first come, first served).' },
    IN_PROGRESS: { description: 'Being worked on.' },
    COORDINATING: { description: 'Being coordinated with ministries before answering.' },
    ANSWERED: { description: 'A substantive answer was given.' },
    CLOSED: { description: 'Done: answered, or withdrawn (the history says why).' },
  } satisfies Record<(typeof INQUIRY_STATUSES)[number], { description: string }>,
});

const VisibilityEnum = builder.enumType('Visibility', {
  description: 'Who may see an inquiry’s answer when it is found again.',
  values: {
    INTERNAL: { description: 'Only those handling it.' },
    SHAREABLE: { description: 'Anyone who later asks a similar question may read the answer and see who gave it.' },
  } as const,
});

const RiskCategoryEnum = builder.enumType('RiskCategory', {
  description: 'What a knowledge-security question is worried about.',
  values: {
    UNWANTED_TRANSFER: { description: 'Unwanted transfer of knowledge or technology.' },
    COVERT_INFLUENCE: { description: 'Covert influence or interference.' },
    ETHICAL: { description: 'Ethical concerns: partners in countries that do not respect fundamental rights.' },
    SANCTIONS: { description: 'Sanctions (e.g. against Russia or Belarus).' },
    OTHER: { description: 'Something else.' },
  } as const,
});

const ConsultationOutcomeEnum = builder.enumType('ConsultationOutcome', {
  description: 'What came of asking an expert.',
  values: {
    ANSWERED: { description: 'The expert contributed to the answer.' },
    DECLINED: { description: 'The expert could not help.' },
    REFERRED: { description: 'The expert referred to someone else.' },
  } as const,
});

/** Inquiries the viewer may not see come back as FORBIDDEN errors, on every path that loads them by id. */
export const InquiryNode = builder.loadableNodeRef<InquiryRecord>('Inquiry', {
  id: { resolve: (inquiry) => inquiry.id },
  load: async (ids: string[], ctx) =>
    (await inquiriesByIds(ctx.queries, ids)).map((inquiry) =>
      inquiry instanceof Error || canSeeInquiry(ctx.viewer, inquiry)
        ? inquiry
        : forbidden(`Inquiry ${inquiry.id} is internal: only whoever filed it, its handlers and administrators may see it.`),
    ),
});

const StatusChange = builder.objectRef<StatusChangeRecord>('StatusChange').implement({
  description: 'One step in an inquiry’s history: who moved it to which status, when, and why.',
  fields: (t) => ({
    status: t.field({ type: InquiryStatusEnum, description: 'The status it moved to.', resolve: (s) => s.status }),
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    by: t.exposeString('by', { nullable: true, description: 'Who.' }),
    note: t.exposeString('note', { nullable: true, description: 'Why, or what was done.' }),
    ministries: t.field({
      type: [InstitutionNode],
      description: 'The ministries coordinated with (for COORDINATING).',
      resolve: (s) => s.ministryIds,
    }),
  }),
});

const Consultation = builder.objectRef<ConsultationRecord>('Consultation').implement({
  description: 'An expert asked about an inquiry, and what came of it.',
  fields: (t) => ({
    expert: t.field({
      type: ExpertNode,
      nullable: true,
      description: 'The expert asked; null once the expert was erased on request.',
      resolve: (c) => c.expert,
    }),
    outcome: t.field({ type: ConsultationOutcomeEnum, description: 'What came of it.', resolve: (c) => c.outcome }),
    note: t.exposeString('note', { nullable: true, description: 'Details.' }),
    at: t.expose('at', { type: 'DateTime', nullable: true, description: 'When the outcome was recorded.' }),
    by: t.exposeString('by', { nullable: true, description: 'Who recorded it.' }),
    referredTo: t.field({ type: ExpertNode, nullable: true, description: 'The expert referred to, for REFERRED; null once that expert was erased on request.', resolve: (c) => c.referredTo }),
  }),
});

const Contact = builder.objectRef<{ name: string | null; email: string | null }>('Contact').implement({
  description: 'The person to answer at the asking institution.',
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true, description: 'Name.' }),
    email: t.exposeString('email', { nullable: true, description: 'E-mail address.' }),
  }),
});

const SimilarityReason = builder.objectRef<SimilarInquiry['reasons'][number]>('SimilarityReason').implement({
  description: 'One part of why an earlier inquiry is similar, with the points it added.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The reason in plain words.' }),
    points: t.exposeFloat('points', { description: 'Points it added to the score.' }),
  }),
});

const SimilarInquiryRef = builder.objectRef<SimilarInquiry>('SimilarInquiry').implement({
  description: 'An earlier inquiry like the question, with why; shareable answered ones show their answer and who gave it.',
  fields: (t) => ({
    inquiry: t.field({ type: InquiryNode, description: 'The earlier inquiry.', resolve: (s) => s.inquiry }),
    score: t.exposeFloat('score', { description: 'Higher is more similar; the reasons add up to it.' }),
    reasons: t.field({ type: [SimilarityReason], description: 'Why it is similar.', resolve: (s) => s.reasons }),
    sharedAnswer: t.exposeString('sharedAnswer', {
      nullable: true,
      description: 'The answer given, when the inquiry was answered and is SHAREABLE; null otherwise.',
    }),
    answeredBy: t.field({
      type: [ExpertNode],
      description: 'The experts who answered it, when it is SHAREABLE; empty otherwise.',
      resolve: (s) => s.answeredBy,
    }),
  }),
});

InquiryNode.implement({
  description: 'A question put to a knowledge network or the knowledge security desk, and what came of it.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Readable identifier, e.g. "inq-2025-0042".' }),
    kind: t.field({ type: InquiryKindEnum, description: 'Expertise request or knowledge-security question.', resolve: (i) => i.kind }),
    question: t.exposeString('question', { description: 'The question, as asked (Dutch or English).' }),
    context: t.exposeString('context', { nullable: true, description: 'Background given with the question.' }),
    status: t.field({ type: InquiryStatusEnum, description: 'Where the inquiry is now.', resolve: (i) => i.status }),
    version: t.exposeInt('version', { description: 'Changes with every update: pass it as expectedVersion when you change the inquiry.' }),
    contact: t.field({
      type: Contact,
      nullable: true,
      description: 'Whom to answer: personal data, for whoever filed the inquiry, its handlers and administrators.',
      authScopes: (i, _args, ctx) => canReadInquiryContact(ctx.viewer, i),
      resolve: (i) => (i.contactName || i.contactEmail ? { name: i.contactName, email: i.contactEmail } : null),
    }),
    riskCategories: t.field({ type: [RiskCategoryEnum], description: 'For knowledge-security questions: what the worry is.', resolve: (i) => i.riskCategories as never }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'When the question came in.' }),
    dueAt: t.expose('dueAt', {
      type: 'DateTime',
      description: 'The end of the third Dutch working day after the day of receipt (Europe/Amsterdam; weekends and public holidays excluded).',
    }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true, description: 'When the answer was given.' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When it was closed.' }),
    workingDaysTaken: t.int({
      nullable: true,
      description: 'Working days from the day of receipt to the answer (0: answered the same day); null while unanswered.',
      resolve: (i) => (i.answeredAt ? workingDaysBetween(new Date(i.receivedAt), new Date(i.answeredAt)) : null),
    }),
    overdue: t.boolean({
      description: 'Still open after its due moment.',
      resolve: (i) => OPEN.has(i.status) && new Date(i.dueAt).getTime() < Date.now(),
    }),
    answeredOnTime: t.boolean({
      nullable: true,
      description: 'Whether the answer came by the due moment; null while unanswered.',
      resolve: (i) => (i.answeredAt ? new Date(i.answeredAt).getTime() <= new Date(i.dueAt).getTime() : null),
    }),
    answerSummary: t.exposeString('answerSummary', { nullable: true, description: 'The substance of the answer.' }),
    visibility: t.field({ type: VisibilityEnum, description: 'Whether the answer may be shared with later askers.', resolve: (i) => i.visibility }),
    askedBy: t.field({ type: InstitutionNode, nullable: true, description: 'The asking institution.', resolve: async (i, _a, ctx) => (await links(ctx, i.id)).askedBy }),
    routedTo: t.field({ type: NetworkNode, nullable: true, description: 'The network or desk handling it.', resolve: async (i, _a, ctx) => (await links(ctx, i.id)).routedTo }),
    partner: t.field({
      type: InstitutionNode,
      nullable: true,
      description: 'For knowledge-security questions: the foreign partner institution concerned.',
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).partner,
    }),
    themes: t.field({ type: [ThemeNode], description: 'Themes it is about.', resolve: async (i, _a, ctx) => (await links(ctx, i.id)).themes }),
    countries: t.field({ type: [CountryNode], description: 'Countries it concerns.', resolve: async (i, _a, ctx) => (await links(ctx, i.id)).countries }),
    history: t.field({ type: [StatusChange], description: 'Every status change, oldest first.', resolve: async (i, _a, ctx) => (await links(ctx, i.id)).history }),
    consultations: t.field({ type: [Consultation], description: 'Experts asked, and what came of it.', resolve: async (i, _a, ctx) => (await links(ctx, i.id)).consultations }),
    followUpOf: t.field({ type: InquiryNode, nullable: true, description: 'The earlier inquiry this one follows up.', resolve: async (i, _a, ctx) => (await links(ctx, i.id)).followUpOf }),
    followUps: t.field({ type: [InquiryNode], description: 'Later inquiries that follow this one up.', resolve: async (i, _a, ctx) => (await links(ctx, i.id)).followUps }),
    similar: t.field({
      type: [SimilarInquiryRef],
      description: 'Inquiries received before this one that resemble it, best first.',
      args: { first: t.arg.int({ required: false, description: 'How many, from 1 to 100 (default 20).' }) },
      resolve: (i, args, ctx) => similarToInquiry(ctx.queries, ctx.viewer, i, args.first),
    }),
  }),
});

const InquiryConnection = listConnection(InquiryNode, 'Inquiry', 'inquiries');

const InquiryFilter = builder.inputType('InquiryFilter', {
  description: 'Which inquiries to list; every condition given must hold.',
  fields: (t) => ({
    status: t.field({ type: [InquiryStatusEnum], required: false, description: 'Any of these statuses.' }),
    kind: t.field({ type: InquiryKindEnum, required: false, description: 'Of this kind.' }),
    network: t.string({ required: false, description: 'Routed to this network or desk (id or slug, e.g. "ckn").' }),
    theme: t.string({ required: false, description: 'About this theme or a narrower one (id, name or alias).' }),
    country: t.string({ required: false, description: 'Concerning this country, or a country of this region.' }),
    overdue: t.boolean({ required: false, description: 'true: only open ones past due; false: only the others.' }),
  }),
});

const changeFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
  id: t.string({ required: true, description: 'The inquiry (global id or slug).' }),
  expectedVersion: t.int({ required: true, description: 'The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting.' }),
  note: t.string({ required: false, description: 'What was done, or why.' }),
});

const RecordInquiryInput = builder.inputType('RecordInquiryInput', {
  description: 'A new question.',
  fields: (t) => ({
    kind: t.field({ type: InquiryKindEnum, required: true, description: 'Expertise request (to CKN or REKA) or knowledge-security question (to the desk).' }),
    question: t.string({ required: true, description: 'The question, in Dutch or English.' }),
    context: t.string({ required: false, description: 'Background.' }),
    askedBy: t.string({ required: true, description: 'The asking institution (global id or slug, e.g. "min-bz" or "tu-delft").' }),
    contactName: t.string({ required: false, description: 'Whom to answer.' }),
    contactEmail: t.field({ type: 'EmailAddress', required: false, description: 'Their e-mail address.' }),
    themes: t.stringList({ required: false, description: 'Themes (ids, names or aliases, English or Dutch).' }),
    countries: t.stringList({ required: false, description: 'Countries (ISO codes or names; a region adds its countries).' }),
    routedTo: t.string({ required: false, description: 'The network ("ckn", "reka"); knowledge-security questions go to the desk by default.' }),
    riskCategories: t.field({ type: [RiskCategoryEnum], required: false, description: 'For knowledge-security questions: what the worry is.' }),
    partner: t.string({ required: false, description: 'For knowledge-security questions: the foreign partner institution (id or slug).' }),
    receivedAt: t.field({ type: 'DateTime', required: false, description: 'When it came in, if earlier than now (by mail or phone). Default: now.' }),
    followUpOf: t.string({ required: false, description: 'An earlier inquiry this follows up.' }),
    note: t.string({ required: false, description: 'A note for the history.' }),
  }),
});

const RecordInquiryPayload = builder.objectRef<RecordedInquiry>('RecordInquiryPayload').implement({
  description: 'The recorded inquiry, with the first answer to it: who knows, and what was asked before.',
  fields: (t) => ({
    inquiry: t.field({ type: InquiryNode, description: 'The new inquiry.', resolve: (p) => p.inquiry }),
    suggestedExperts: t.field({
      type: ExpertMatchConnection,
      description: 'Experts on its themes and countries (whoKnows), best first.',
      resolve: (p) => p.suggestedExperts,
    }),
    similarInquiries: t.field({ type: [SimilarInquiryRef], description: 'Earlier inquiries like it, best first.', resolve: (p) => p.similarInquiries }),
  }),
});

builder.queryFields((t) => ({
  inquiries: t.field({
    type: InquiryConnection,
    description: 'Inquiries, first come, first served (by receipt).',
    args: { filter: t.arg({ type: InquiryFilter, required: false, description: 'Which ones.' }), ...pageArgs(t) },
    authScopes: STAFF,
    resolve: (_root, args, ctx) => listInquiries(ctx.queries, ctx.viewer, args.filter ?? {}, args),
  }),
  similarInquiries: t.field({
    type: [SimilarInquiryRef],
    description: 'Earlier inquiries like a question, by text (Dutch and English stemming) and shared themes, countries and partner.',
    args: {
      question: t.arg.string({ required: true, description: 'The question, in Dutch or English.' }),
      about: t.arg.string({ required: false, description: 'A theme to weigh (id, name or alias).' }),
      country: t.arg.string({ required: false, description: 'A country or region to weigh.' }),
      first: t.arg.int({ required: false, description: pageArgDescriptions.first }),
    },
    authScopes: STAFF,
    resolve: (_root, args, ctx) => findSimilarInquiries(ctx.queries, ctx.viewer, args),
  }),
}));

/** A change to an existing inquiry: its input carries id, expectedVersion and note besides `fields`. */
function inquiryChange<Fields extends InputFieldMap>(
  t: PothosSchemaTypes.MutationFieldBuilder<Types, {}>,
  name: string,
  description: string,
  fields: (f: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => Fields,
  apply: (ctx: Context, input: any) => Promise<InquiryRecord>,
) {
  const inputName = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return t.field({
    type: InquiryNode,
    description: `${description} For the handlers of the inquiry (the routed network's secretariat, the desk for its own) and administrators.`,
    authScopes: HANDLERS,
    args: {
      input: t.arg({
        type: builder.inputType(inputName, { description: `The input of ${name}.`, fields: (f) => ({ ...changeFields(f), ...fields(f) }) }),
        required: true,
        description: 'The change.',
      }),
    },
    resolve: (_root, args, ctx) => apply(ctx, (args as { input: unknown }).input),
  });
}

builder.mutationFields((t) => ({
  recordInquiry: t.field({
    type: RecordInquiryPayload,
    description: 'Records a question; returns it with suggested experts and similar earlier inquiries. All input problems are reported at once, and nothing is written while any remain. For officers, secretariats, the desk and administrators.',
    authScopes: STAFF,
    args: { input: t.arg({ type: RecordInquiryInput, required: true, description: 'The question.' }) },
    resolve: (_root, { input }, ctx) => recordInquiry(ctx.queries, ctx.viewer, input),
  }),
  changeInquiryStatus: inquiryChange(
    t,
    'changeInquiryStatus',
    'Moves an inquiry to another status (not ANSWERED: use answerInquiry). Reopening needs a note; COORDINATING needs ministries.',
    (f) => ({
      status: f.field({ type: InquiryStatusEnum, required: true, description: 'The new status.' }),
      ministries: f.stringList({ required: false, description: 'For COORDINATING: the ministries (ids or slugs, e.g. "min-ezk").' }),
    }),
    (ctx, input) => changeInquiryStatus(ctx.queries, ctx.viewer, input),
  ),
  consultExpert: inquiryChange(
    t,
    'consultExpert',
    'Records that an expert was asked and what came of it.',
    (f) => ({
      expert: f.string({ required: true, description: 'The expert (global id or slug).' }),
      outcome: f.field({ type: ConsultationOutcomeEnum, required: true, description: 'What came of it.' }),
      referredTo: f.string({ required: false, description: 'For REFERRED: the expert referred to.' }),
    }),
    (ctx, input) => consultExpert(ctx.queries, ctx.viewer, input),
  ),
  answerInquiry: inquiryChange(
    t,
    'answerInquiry',
    'Records the answer and marks the inquiry ANSWERED.',
    (f) => ({
      answerSummary: f.string({ required: true, description: 'The substance of the answer.' }),
      visibility: f.field({ type: VisibilityEnum, required: false, description: 'May later askers read it? Default INTERNAL.' }),
    }),
    (ctx, input) => answerInquiry(ctx.queries, ctx.viewer, input),
  ),
  closeInquiry: inquiryChange(
    t,
    'closeInquiry',
    'Closes an inquiry; closing one without an answer (e.g. withdrawn) needs a note.',
    () => ({}),
    (ctx, input) => closeInquiry(ctx.queries, ctx.viewer, input),
  ),
  linkFollowUp: inquiryChange(
    t,
    'linkFollowUp',
    'Links an inquiry to the earlier one it follows up.',
    (f) => ({ followUpOf: f.string({ required: true, description: 'The earlier inquiry (global id or slug).' }) }),
    (ctx, input) => linkFollowUp(ctx.queries, ctx.viewer, input),
  ),
}));
