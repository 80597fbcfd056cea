import { builder } from '../graphql/builder.js';
import { askExpert, recordConsultationOutcome } from './consultations.js';
import { recordMinistryAnswer, recordMinistryCoordination, setExpectedAnswer } from './coordination.js';
import { correctInquiryReceipt, editInquiry } from './edit.js';
import { addInquiryNote, recordAskerMessage } from './notes.js';
import {
  askerMessageFields,
  askExpertFields,
  consultationOutcomeFields,
  editFields,
  expectedAnswerFields,
  ministryAnswerFields,
  ministryCoordinationFields,
  noteFields,
  receiptCorrectionFields,
} from './handling-inputs.js';
import { inquiryChange } from './mutations.js';

/** What a handler records on an inquiry beside its status: notes, messages to the asker (docs/handlers.md). */
builder.mutationFields((t) => ({
  editInquiry: inquiryChange(
    t,
    'editInquiry',
    'Corrects intake fields: only those given change (null clears an optional one); the inferred themes, ' +
      'countries and partner, and so the similar inquiries, follow. The timeline lists the fields changed.',
    editFields,
    (ctx, input) => editInquiry(ctx.queries, ctx.viewer, input),
  ),
  correctInquiryReceipt: inquiryChange(
    t,
    'correctInquiryReceipt',
    'Corrects when the question was received, with a reason; the due date follows (Dutch working days). Only ' +
      'administrators may: anyone else is refused with FORBIDDEN.',
    receiptCorrectionFields,
    (ctx, input) => correctInquiryReceipt(ctx.queries, ctx.viewer, input),
  ),
  addInquiryNote: inquiryChange(
    t,
    'addInquiryNote',
    'Adds an internal note, at any time and without changing the status; only the handlers read notes.',
    noteFields,
    (ctx, input) => addInquiryNote(ctx.queries, ctx.viewer, input),
  ),
  recordAskerMessage: inquiryChange(
    t,
    'recordAskerMessage',
    'Records a message to the asker (channel, when, a summary), sent by you; it shows in the timeline and in ' +
      'lastAskerMessageAt.',
    askerMessageFields,
    (ctx, input) => recordAskerMessage(ctx.queries, ctx.viewer, input),
  ),
  askExpert: inquiryChange(
    t,
    'askExpert',
    'Records that an expert was asked (how and when): a consultation of its own, WAITING; asking the same ' +
      'expert again adds another. Record what came of it with recordConsultationOutcome.',
    askExpertFields,
    (ctx, input) => askExpert(ctx.queries, ctx.viewer, input),
  ),
  recordConsultationOutcome: inquiryChange(
    t,
    'recordConsultationOutcome',
    'Records what came of a WAITING consultation (by its id): ANSWERED, DECLINED or REFERRED.',
    consultationOutcomeFields,
    (ctx, input) => recordConsultationOutcome(ctx.queries, ctx.viewer, input),
  ),
  recordMinistryCoordination: inquiryChange(
    t,
    'recordMinistryCoordination',
    'Records that a ministry was asked about the inquiry: one line per ministry (COORDINATING with ministries ' +
      'opens their lines too).',
    ministryCoordinationFields,
    (ctx, input) => recordMinistryCoordination(ctx.queries, ctx.viewer, input),
  ),
  recordMinistryAnswer: inquiryChange(
    t,
    'recordMinistryAnswer',
    'Records a ministry’s answer on its coordination line: when, and what it said.',
    ministryAnswerFields,
    (ctx, input) => recordMinistryAnswer(ctx.queries, ctx.viewer, input),
  ),
  setExpectedAnswer: inquiryChange(
    t,
    'setExpectedAnswer',
    'Sets when the ministries are expected to answer an inquiry that is COORDINATING (null clears it).',
    expectedAnswerFields,
    (ctx, input) => setExpectedAnswer(ctx.queries, ctx.viewer, input),
  ),
}));
