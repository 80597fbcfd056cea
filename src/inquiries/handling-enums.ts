import { builder } from '../graphql/builder.js';
import { CLOSING_REASONS, type ClosingReason } from './closing-repository.js';
import { ASKER_CHANNELS, CONSULTATION_CHANNELS, CONSULTATION_STATUSES } from './handling-values.js';

const described = <Value extends string>(values: readonly Value[], describe: Record<Value, string>) =>
  Object.fromEntries(values.map((value) => [value, { description: describe[value] }])) as Record<
    Value,
    { description: string }
  >;

export const ClosingReasonEnum = builder.enumType('ClosingReason', {
  description: 'Why an inquiry was closed.',
  values: described<ClosingReason>(CLOSING_REASONS, {
    ANSWERED: 'It was answered (counts towards "answered within 3 working days").',
    WITHDRAWN: 'The asker withdrew the question.',
    DUPLICATE: 'It duplicates another inquiry (duplicateOf links it).',
    OUT_OF_SCOPE: 'Not a question for this desk or network.',
    RECORDED_IN_ERROR: 'It should never have been recorded: it leaves every statistic, and stays in the audit trail.',
  }),
});

export const AskerChannelEnum = builder.enumType('AskerChannel', {
  description: 'How a message reached the asker.',
  values: described(ASKER_CHANNELS, {
    EMAIL: 'By e-mail.',
    PHONE: 'By telephone.',
    FORM: 'Through the web form the question came in by.',
  }),
});

export const ConsultationChannelEnum = builder.enumType('ConsultationChannel', {
  description: 'How an expert was asked.',
  values: described(CONSULTATION_CHANNELS, {
    EMAIL: 'By e-mail.',
    PHONE: 'By telephone.',
    MEETING: 'In a meeting or in person.',
  }),
});

export const ConsultationStatusEnum = builder.enumType('ConsultationStatus', {
  description: 'Where asking an expert stands.',
  values: described(CONSULTATION_STATUSES, {
    WAITING: 'Asked; no answer yet.',
    ANSWERED: 'The expert contributed to the answer.',
    DECLINED: 'The expert could not help.',
    REFERRED: 'The expert referred to someone else.',
  }),
});
