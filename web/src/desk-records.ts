// The desk page's forms that record work on an inquiry (notes, messages to the asker, experts and ministries)
// and finish it (a status change, the answer, closing). Each sends the version it read as expectedVersion.
import {
  AddInquiryNoteDocument,
  AnswerInquiryDocument,
  AskExpertDocument,
  ChangeInquiryStatusDocument,
  CloseInquiryDocument,
  RecordAskerMessageDocument,
  RecordConsultationOutcomeDocument,
  RecordMinistryAnswerDocument,
  RecordMinistryCoordinationDocument,
  SetExpectedAnswerDocument,
  type AskerChannel,
  type ClosingReason,
  type ConsultationChannel,
  type ConsultationOutcome,
  type InquiryStatus,
} from './gql/graphql';
import { request } from './lib/client';
import { h } from './lib/dom';
import { formatDate, localName } from './lib/i18n';
import { actionForm, type ActionContext, field, given, list, moment, select, textArea, textInput } from './desk-form';

/** Notes, messages to the asker, experts and ministries. */
export function records(ctx: ActionContext, expertInput: HTMLInputElement): HTMLElement[] {
  const { t, inquiry } = ctx;
  const base = { id: inquiry.id, expectedVersion: inquiry.version };
  const items: HTMLElement[] = [];

  const noteText = textArea('text', { required: true });
  items.push(
    actionForm(ctx, 'note', 'note', [field(t('note'), noteText)], 'addNote', (key) =>
      request(AddInquiryNoteDocument, { input: { ...base, text: noteText.value.trim() } }, { idempotencyKey: key }),
    ),
  );

  const channel = select(
    'channel',
    (['EMAIL', 'PHONE', 'FORM'] as const).map((c) => [c, t(`channel_${c}`)]),
  );
  const at = h('input', { type: 'datetime-local', name: 'at' });
  const summary = textArea('summary', { required: true });
  items.push(
    actionForm(
      ctx,
      'message',
      'message',
      [field(t('channel'), channel), field(t('when'), at), field(t('summary'), summary)],
      'recordMessage',
      (key) =>
        request(
          RecordAskerMessageDocument,
          {
            input: { ...base, channel: channel.value as AskerChannel, at: moment(at), summary: summary.value.trim() },
          },
          { idempotencyKey: key },
        ),
    ),
  );

  const how = select(
    'channel',
    (['EMAIL', 'PHONE', 'MEETING'] as const).map((c) => [c, t(`channel_${c}`)]),
  );
  const askedAt = h('input', { type: 'datetime-local', name: 'askedAt' });
  items.push(
    actionForm(
      ctx,
      'ask-expert',
      'askExpert',
      [field(t('expert'), expertInput), field(t('channel'), how), field(t('when'), askedAt)],
      'askExpert',
      (key) =>
        request(
          AskExpertDocument,
          {
            input: {
              ...base,
              expert: expertInput.value.trim(),
              channel: how.value as ConsultationChannel,
              askedAt: moment(askedAt),
            },
          },
          { idempotencyKey: key },
        ),
    ),
  );

  const waiting = inquiry.consultations.filter((c) => c.status === 'WAITING');
  if (waiting.length) {
    const which = select(
      'consultation',
      waiting.map((c) => [c.id, `${c.expert?.name ?? '?'} (${formatDate(c.askedAt)})`]),
    );
    const outcome = select(
      'outcome',
      (['ANSWERED', 'DECLINED', 'REFERRED'] as const).map((o) => [o, t(`outcome_${o}`)]),
    );
    const referredTo = textInput('referredTo');
    const note = textArea('note', { maxLength: 2000 });
    items.push(
      actionForm(
        ctx,
        'outcome',
        'outcomeOf',
        [
          field(t('consultation'), which),
          field(t('outcome'), outcome),
          field(t('referredTo'), referredTo),
          field(t('note'), note),
        ],
        'recordOutcome',
        (key) =>
          request(
            RecordConsultationOutcomeDocument,
            {
              input: {
                ...base,
                consultation: which.value,
                outcome: outcome.value as ConsultationOutcome,
                referredTo: outcome.value === 'REFERRED' ? given(referredTo) : undefined,
                note: given(note),
              },
            },
            { idempotencyKey: key },
          ),
      ),
    );
  }

  const ministry = textInput('ministry', { required: true, placeholder: 'min-ezk' });
  const ministryAsked = h('input', { type: 'datetime-local', name: 'askedAt' });
  items.push(
    actionForm(
      ctx,
      'ministry',
      'coordinate',
      [field(t('ministry'), ministry), field(t('when'), ministryAsked)],
      'coordinate',
      (key) =>
        request(
          RecordMinistryCoordinationDocument,
          { input: { ...base, ministry: ministry.value.trim(), askedAt: moment(ministryAsked) } },
          { idempotencyKey: key },
        ),
    ),
  );
  const lines = (inquiry.ministryCoordinations ?? []).filter((line) => !line.answeredAt);
  if (lines.length) {
    const answered = select(
      'ministry',
      lines.map((line) => [line.ministry.slug, localName(line.ministry)]),
    );
    const said = textArea('outcome', { required: true, maxLength: 2000 });
    items.push(
      actionForm(
        ctx,
        'ministry-answer',
        'ministryAnswer',
        [field(t('ministry'), answered), field(t('whatItSaid'), said)],
        'save',
        (key) =>
          request(
            RecordMinistryAnswerDocument,
            { input: { ...base, ministry: answered.value, outcome: said.value.trim() } },
            { idempotencyKey: key },
          ),
      ),
    );
  }
  if (inquiry.status === 'COORDINATING') {
    const date = h('input', {
      type: 'date',
      name: 'expectedAnswerAt',
      value: inquiry.expectedAnswerAt?.slice(0, 10) ?? '',
    });
    items.push(
      actionForm(ctx, 'expected', 'setExpected', [field(t('expectedAnswerAt'), date)], 'setExpected', (key) =>
        request(
          SetExpectedAnswerDocument,
          {
            input: { ...base, expectedAnswerAt: date.value ? new Date(`${date.value}T17:00:00`).toISOString() : null },
          },
          { idempotencyKey: key },
        ),
      ),
    );
  }
  return items;
}

/** Status, answer, close. */
export function finishing(ctx: ActionContext): HTMLElement[] {
  const { t, inquiry } = ctx;
  const base = { id: inquiry.id, expectedVersion: inquiry.version };
  const statuses = (['RECEIVED', 'IN_PROGRESS', 'COORDINATING', 'CLOSED'] as const).filter((s) => s !== inquiry.status);
  const status = select(
    'status',
    statuses.map((s) => [s, t(`status_${s}`)]),
  );
  const ministries = textInput('ministries');
  const statusNote = textArea('note', { maxLength: 2000 });
  const answer = textArea('answerSummary', { required: true });
  const shareable = h('input', { type: 'checkbox', name: 'shareable' });
  const reason = select(
    'reason',
    (['ANSWERED', 'WITHDRAWN', 'DUPLICATE', 'OUT_OF_SCOPE', 'RECORDED_IN_ERROR'] as const).map((r) => [
      r,
      t(`reason_${r}`),
    ]),
  );
  if (inquiry.status !== 'ANSWERED') reason.value = 'WITHDRAWN';
  const duplicateOf = textInput('duplicateOf', { placeholder: 'inq-2026-0001' });
  const closeNote = textArea('note', { maxLength: 2000 });
  return [
    actionForm(
      ctx,
      'status',
      'changeStatus',
      [field(t('newStatus'), status), field(t('ministriesList'), ministries), field(t('note'), statusNote)],
      'changeStatus',
      (key) =>
        request(
          ChangeInquiryStatusDocument,
          {
            input: {
              ...base,
              status: status.value as InquiryStatus,
              ...(status.value === 'COORDINATING' ? { ministries: list(ministries.value) } : {}),
              note: given(statusNote),
            },
          },
          { idempotencyKey: key },
        ),
    ),
    actionForm(
      ctx,
      'answer',
      'answerIt',
      [field(t('answerSummary'), answer), h('label', { class: 'check' }, shareable, h('span', {}, t('shareable')))],
      'answerIt',
      (key) =>
        request(
          AnswerInquiryDocument,
          {
            input: {
              ...base,
              answerSummary: answer.value.trim(),
              visibility: shareable.checked ? 'SHAREABLE' : 'INTERNAL',
            },
          },
          { idempotencyKey: key },
        ),
    ),
    actionForm(
      ctx,
      'close',
      'close',
      [field(t('reason'), reason), field(t('duplicate'), duplicateOf), field(t('note'), closeNote)],
      'close',
      (key) =>
        request(
          CloseInquiryDocument,
          {
            input: {
              ...base,
              reason: reason.value as ClosingReason,
              duplicateOf: reason.value === 'DUPLICATE' ? given(duplicateOf) : undefined,
              note: given(closeNote),
            },
          },
          { idempotencyKey: key },
        ),
    ),
  ];
}
