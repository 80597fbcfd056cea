import { canReadInquiryContact, canSeeInquiry, handlesInquiry } from '../auth/policy.js';
import { batchedList, BATCHED_LIST_SIZES, costOfWork, lastOfBatchedList, WORK_WEIGHTS } from '../graphql/limits.js';
import { languageArgs, reasonLanguage } from '../graphql/language.js';
import { DEFAULT_LAST, keepLast, lastCount, MAX_LAST } from '../graphql/paging.js';
import { builder } from '../graphql/builder.js';
import { ForbiddenError } from '../errors.js';
import type { Context } from '../graphql/context.js';
import { ExpertNode } from '../experts/types.js';
import { InstitutionNode } from '../institutions/types.js';
import { NetworkNode } from '../networks/types.js';
import { CountryNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import type { RiskCategory } from '../names/service.js';
import { ConsultationChannelEnum, ConsultationStatusEnum } from './handling-enums.js';
import type { ConsultationChannel } from './handling-values.js';
import { inquiryLinks } from './loaders.js';
import { inquiriesByIds, type ConsultationRecord, type StatusChangeRecord } from './repository.js';
import { INQUIRY_KINDS, VISIBILITIES, type InquiryRecord } from './model.js';
import { describedValues } from '../graphql/described-values.js';
import { similarToInquiry, type SimilarInquiry } from './search.js';
import { type INQUIRY_STATUSES, isOpen } from './status.js';
import { workingDaysBetween } from './working-days.js';

/** The `last` argument of an inquiry's own lists (notes, timeline, consultations, …): the newest kept, oldest first. */
export const LAST_ARG = {
  required: false,
  defaultValue: DEFAULT_LAST,
  description: `How many of the newest to give, oldest first: from 0 to ${MAX_LAST} (default ${DEFAULT_LAST}).`,
} as const;

const links = (ctx: Context, id: string) => ctx.load(inquiryLinks).load(id);

export const InquiryKindEnum = builder.enumType('InquiryKind', {
  description: 'What sort of question an inquiry is, which decides where it goes.',
  values: describedValues(INQUIRY_KINDS),
});

export const InquiryStatusEnum = builder.enumType('InquiryStatus', {
  description: 'Where an inquiry is in its life.',
  values: {
    RECEIVED: { description: 'Came in; waiting its turn (first come, first served).' },
    IN_PROGRESS: { description: 'Being worked on.' },
    COORDINATING: { description: 'Being coordinated with ministries before answering.' },
    ANSWERED: { description: 'A substantive answer was given.' },
    CLOSED: { description: 'Done: answered, or withdrawn (the history says why).' },
  } satisfies Record<(typeof INQUIRY_STATUSES)[number], { description: string }>,
});

export const VisibilityEnum = builder.enumType('Visibility', {
  description: 'Who may see an inquiry’s answer when it is found again.',
  values: describedValues(VISIBILITIES),
});

export const RiskCategoryEnum = builder.enumType('RiskCategory', {
  description: 'What a knowledge-security question is worried about.',
  values: {
    UNWANTED_TRANSFER: { description: 'Unwanted transfer of knowledge or technology.' },
    COVERT_INFLUENCE: { description: 'Covert influence or interference.' },
    ETHICAL: { description: 'Ethical concerns: partners in countries that do not respect fundamental rights.' },
    SANCTIONS: { description: 'Sanctions (e.g. against Russia or Belarus).' },
    OTHER: { description: 'Something else.' },
  } satisfies Record<RiskCategory, { description: string }>,
});

export const ConsultationOutcomeEnum = builder.enumType('ConsultationOutcome', {
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
        : new ForbiddenError(
            `Inquiry ${inquiry.id} is internal: only whoever filed it, its handlers and administrators may see it.`,
          ),
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
      complexity: batchedList(BATCHED_LIST_SIZES.ministries),
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
    id: t.exposeString('id', {
      description: 'Names this consultation, to record its outcome later (recordConsultationOutcome).',
    }),
    outcome: t.field({
      type: ConsultationOutcomeEnum,
      nullable: true,
      description: 'What came of it; null while the expert has not answered (status WAITING).',
      resolve: (c) => c.outcome,
    }),
    note: t.exposeString('note', { nullable: true, description: 'Details.' }),
    status: t.field({
      type: ConsultationStatusEnum,
      description: 'WAITING until the expert answered, declined or referred.',
      resolve: (c) => c.status,
    }),
    channel: t.field({
      type: ConsultationChannelEnum,
      nullable: true,
      description: 'How the expert was asked; null for consultations recorded without it.',
      resolve: (c) => c.channel as ConsultationChannel | null,
    }),
    askedAt: t.expose('askedAt', { type: 'DateTime', nullable: true, description: 'When the expert was asked.' }),
    answeredAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the expert answered, declined or referred; null while waiting.',
      resolve: (c) => (c.status === 'WAITING' || c.at === null ? null : new Date(c.at)),
    }),
    at: t.expose('at', { type: 'DateTime', nullable: true, description: 'When the outcome was recorded.' }),
    by: t.exposeString('by', { nullable: true, description: 'Who recorded it.' }),
    referredTo: t.field({
      type: ExpertNode,
      nullable: true,
      description: 'The expert referred to, for REFERRED; null once that expert was erased on request.',
      resolve: (c) => c.referredTo,
    }),
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
    ids: t.exposeStringList('ids', {
      description:
        'What it rests on: the slugs of the shared themes, countries (ISO codes) or partner institution, the ' +
        'risk category, or the linked inquiry.',
    }),
  }),
});

export const SimilarInquiryRef = builder.objectRef<SimilarInquiry>('SimilarInquiry').implement({
  description:
    'An earlier inquiry like the question, with why; shareable answered ones show their answer and who gave it.',
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
    kind: t.field({
      type: InquiryKindEnum,
      description: 'Expertise request or knowledge-security question.',
      resolve: (i) => i.kind,
    }),
    question: t.exposeString('question', { description: 'The question, as asked (Dutch or English).' }),
    context: t.exposeString('context', {
      nullable: true,
      description:
        'Background given with the question (it may name the asker): for whoever filed it, its handlers and ' +
        'administrators, not for those it is shared with.',
      authScopes: (i, _args, ctx) => canReadInquiryContact(ctx.viewer, i),
    }),
    status: t.field({ type: InquiryStatusEnum, description: 'Where the inquiry is now.', resolve: (i) => i.status }),
    version: t.exposeInt('version', {
      description: 'Changes with every update: pass it as expectedVersion when you change the inquiry.',
    }),
    contact: t.field({
      type: Contact,
      nullable: true,
      description: 'Whom to answer: personal data, for whoever filed the inquiry, its handlers and administrators.',
      authScopes: (i, _args, ctx) => canReadInquiryContact(ctx.viewer, i),
      resolve: (i) => (i.contactName || i.contactEmail ? { name: i.contactName, email: i.contactEmail } : null),
    }),
    riskCategories: t.field({
      type: [RiskCategoryEnum],
      description: 'For knowledge-security questions: what the worry is.',
      resolve: (i) => i.riskCategories as never,
    }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'When the question came in.' }),
    dueAt: t.expose('dueAt', {
      type: 'DateTime',
      description:
        'The end of the third Dutch working day after the day of receipt (Europe/Amsterdam; weekends and public ' +
        'holidays excluded).',
    }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true, description: 'When the answer was given.' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When it was closed.' }),
    workingDaysTaken: t.int({
      nullable: true,
      description:
        'Working days from the day of receipt to the answer (0: answered the same day); null while unanswered.',
      resolve: (i) => (i.answeredAt ? workingDaysBetween(new Date(i.receivedAt), new Date(i.answeredAt)) : null),
    }),
    overdue: t.boolean({
      description: 'Still open after its due moment.',
      resolve: (i) => isOpen(i.status) && new Date(i.dueAt).getTime() < Date.now(),
    }),
    answeredOnTime: t.boolean({
      nullable: true,
      description: 'Whether the answer came by the due moment; null while unanswered.',
      resolve: (i) => (i.answeredAt ? new Date(i.answeredAt).getTime() <= new Date(i.dueAt).getTime() : null),
    }),
    answerSummary: t.exposeString('answerSummary', { nullable: true, description: 'The substance of the answer.' }),
    visibility: t.field({
      type: VisibilityEnum,
      description: 'Whether the answer may be shared with later askers.',
      resolve: (i) => i.visibility,
    }),
    askedBy: t.field({
      type: InstitutionNode,
      nullable: true,
      description:
        'The asking institution: for whoever filed it, its handlers and administrators, not for those it is shared ' +
        'with.',
      authScopes: (i, _args, ctx) => canReadInquiryContact(ctx.viewer, i),
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).askedBy,
    }),
    routedTo: t.field({
      type: NetworkNode,
      nullable: true,
      description: 'The network or desk handling it.',
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).routedTo,
    }),
    partner: t.field({
      type: InstitutionNode,
      nullable: true,
      description: 'For knowledge-security questions: the foreign partner institution concerned.',
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).partner,
    }),
    themes: t.field({
      complexity: batchedList(BATCHED_LIST_SIZES.subjects),
      type: [ThemeNode],
      description: 'Themes it is about, as given.',
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).themes,
    }),
    countries: t.field({
      complexity: batchedList(BATCHED_LIST_SIZES.subjects),
      type: [CountryNode],
      description: 'Countries it concerns, as given.',
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).countries,
    }),
    inferredThemes: t.field({
      complexity: batchedList(BATCHED_LIST_SIZES.subjects),
      type: [ThemeNode],
      description:
        'Themes recognised in its question and context (English or Dutch) beyond those given; similarity and ' +
        'evidence use them too.',
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).inferredThemes,
    }),
    inferredCountries: t.field({
      complexity: batchedList(BATCHED_LIST_SIZES.subjects),
      type: [CountryNode],
      description:
        'Countries recognised in its question and context (a region named counts for its countries) beyond ' +
        'those given.',
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).inferredCountries,
    }),
    inferredPartner: t.field({
      type: InstitutionNode,
      nullable: true,
      description: 'A foreign institution named in its question or context, when no partner was given.',
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).inferredPartner,
    }),
    inferredRiskCategories: t.field({
      type: [RiskCategoryEnum],
      description: 'Risk categories recognised in its question and context beyond those given.',
      resolve: (i) => (i.inferredRiskCategories ?? []) as never,
    }),
    history: t.field({
      type: [StatusChange],
      complexity: batchedList(BATCHED_LIST_SIZES.statusChanges),
      description:
        'Every status change, oldest first, with who made it and why: for whoever filed it, its handlers and ' +
        'administrators (refused to those it is only shared with).',
      authScopes: (i, _args, ctx) => canReadInquiryContact(ctx.viewer, i),
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).history,
    }),
    consultations: t.field({
      type: [Consultation],
      complexity: lastOfBatchedList(BATCHED_LIST_SIZES.consultations),
      description:
        'Every time an expert was asked, and what came of it, oldest first (the newest `last`): for its handlers ' +
        'and administrators (refused to others, also when the answer is SHAREABLE).',
      args: { last: t.arg.int(LAST_ARG) },
      authScopes: (i, _args, ctx) => handlesInquiry(ctx.viewer, i),
      resolve: async (i, args, ctx) => keepLast((await links(ctx, i.id)).consultations, lastCount(args.last)),
    }),
    followUpOf: t.field({
      type: InquiryNode,
      nullable: true,
      description: 'The earlier inquiry this one follows up.',
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).followUpOf,
    }),
    followUps: t.field({
      complexity: batchedList(BATCHED_LIST_SIZES.followUps),
      type: [InquiryNode],
      description: 'Later inquiries that follow this one up.',
      resolve: async (i, _a, ctx) => (await links(ctx, i.id)).followUps,
    }),
    similar: t.field({
      complexity: costOfWork(WORK_WEIGHTS.textSearch),
      type: [SimilarInquiryRef],
      description: 'Inquiries received before this one that resemble it, best first.',
      args: {
        first: t.arg.int({ required: false, description: 'How many, from 1 to 100 (default 20).' }),
        ...languageArgs(t),
      },
      resolve: (i, args, ctx) =>
        similarToInquiry(ctx.queries, ctx.viewer, i, args.first, reasonLanguage(args.language, ctx)),
    }),
  }),
});
