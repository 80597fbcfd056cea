// The actions panel of an inquiry: claim, release, assign, hand over, reroute and editing the intake here, and
// the forms of desk-records.ts. Each sends the version it read as expectedVersion.
import {
  AssignInquiryDocument,
  ClaimInquiryDocument,
  DeskHandlersDocument,
  EditInquiryDocument,
  HandOverInquiryDocument,
  ReleaseInquiryDocument,
  RerouteInquiryDocument,
  type EditInquiryInput,
  type InquiryKind,
} from './gql/graphql';
import { request } from './lib/client';
import { h } from './lib/dom';
import { suggestInstitutions } from './lib/institution-picker';
import {
  actionButton,
  actionForm,
  type ActionContext,
  field,
  given,
  list,
  select,
  textArea,
  textInput,
} from './desk-form';
import { KINDS, TEAMS } from './desk-state';
import { finishing, records } from './desk-records';

/** A select of the team's known handlers (handlers(team:)), filled when it arrives. */
function colleagues(ctx: ActionContext, name: string): HTMLSelectElement {
  const control = h('select', { name, required: true }, h('option', { value: '' }, ctx.t('choose')));
  const team = ctx.inquiry.routedTo?.slug;
  if (team)
    void request(DeskHandlersDocument, { team }).then(
      ({ data }) =>
        control.append(
          ...data.handlers
            .filter((person) => person.id !== ctx.inquiry.handler?.id)
            .map((person) => h('option', { value: person.id }, person.name)),
        ),
      () => undefined,
    );
  return control;
}
const chosenName = (control: HTMLSelectElement) => control.selectedOptions[0]?.textContent ?? control.value;

/** The assignment buttons and forms: claim, release, assign, hand over, reroute. */
function assignment(ctx: ActionContext): HTMLElement[] {
  const { t, inquiry, me } = ctx;
  const base = { id: inquiry.id, expectedVersion: inquiry.version };
  const mine = inquiry.handler?.id === me.id;
  const items: HTMLElement[] = [];
  if (!mine)
    items.push(
      actionButton(ctx, 'claim', 'claim', (key) =>
        request(ClaimInquiryDocument, { input: base }, { idempotencyKey: key }),
      ),
    );
  if (inquiry.handler && (mine || ctx.admin))
    items.push(
      actionButton(ctx, 'release', 'release', (key) =>
        request(ReleaseInquiryDocument, { input: base }, { idempotencyKey: key }),
      ),
    );
  const assignee = colleagues(ctx, 'assignee');
  items.push(
    actionForm(ctx, 'assign', 'assign', [field(t('assignee'), assignee)], 'assign', (key) =>
      request(
        AssignInquiryDocument,
        { input: { ...base, assignee: assignee.value, assigneeName: chosenName(assignee) } },
        { idempotencyKey: key },
      ),
    ),
  );
  if (mine) {
    const to = colleagues(ctx, 'assignee');
    const note = textArea('note', { required: true });
    items.push(
      actionForm(ctx, 'hand-over', 'handOver', [field(t('assignee'), to), field(t('note'), note)], 'handOver', (key) =>
        request(
          HandOverInquiryDocument,
          { input: { ...base, assignee: to.value, assigneeName: chosenName(to), note: note.value.trim() } },
          { idempotencyKey: key },
        ),
      ),
    );
  }
  const team = select(
    'to',
    TEAMS.filter((tm) => tm.slug !== inquiry.routedTo?.slug).map((tm) => [tm.slug, tm.label]),
  );
  const reason = textArea('reason', { required: true, maxLength: 2000 });
  items.push(
    actionForm(ctx, 'reroute', 'reroute', [field(t('rerouteTo'), team), field(t('reason'), reason)], 'reroute', (key) =>
      request(
        RerouteInquiryDocument,
        { input: { ...base, to: team.value, reason: reason.value.trim() } },
        { idempotencyKey: key },
      ),
    ),
  );
  return items;
}

/** Edit the intake: only the fields changed are sent. */
function editForm(ctx: ActionContext): HTMLElement {
  const { t, inquiry } = ctx;
  const question = textArea('question', { required: true, value: inquiry.question });
  const context = textArea('context', { value: inquiry.context ?? '' });
  const askedBy = textInput('askedBy', { value: inquiry.askedBy?.slug ?? '' });
  const contactName = textInput('contactName', { value: inquiry.contact?.name ?? '' });
  const contactEmail = textInput('contactEmail', { type: 'email', value: inquiry.contact?.email ?? '' });
  const kind = select(
    'kind',
    KINDS.map((k) => [k, t(`kind_${k}`)]),
  );
  kind.value = inquiry.kind;
  const themes = textInput('themes', { value: inquiry.themes.map((x) => x.slug).join(', ') });
  const countries = textInput('countries', { value: inquiry.countries.map((x) => x.code).join(', ') });
  const note = textInput('note', { maxLength: 2000 });
  return actionForm(
    ctx,
    'edit',
    'edit',
    [
      field(t('question'), question),
      field(t('context'), context),
      field(t('askedBy'), askedBy),
      suggestInstitutions(askedBy),
      field(t('contactName'), contactName),
      field(t('contactEmail'), contactEmail),
      field(t('kind'), kind),
      field(t('themes'), themes),
      field(t('countries'), countries),
      field(t('note'), note),
    ],
    'save',
    (key) => {
      const input: EditInquiryInput = { id: inquiry.id, expectedVersion: inquiry.version };
      const changed = (control: { value: string }, before: string) => control.value.trim() !== before;
      if (changed(question, inquiry.question)) input.question = question.value.trim();
      if (changed(context, inquiry.context ?? '')) input.context = given(context) ?? null;
      if (changed(askedBy, inquiry.askedBy?.slug ?? '')) input.askedBy = askedBy.value.trim();
      if (changed(contactName, inquiry.contact?.name ?? '')) input.contactName = given(contactName) ?? null;
      if (changed(contactEmail, inquiry.contact?.email ?? '')) input.contactEmail = given(contactEmail) ?? null;
      if (kind.value !== inquiry.kind) input.kind = kind.value as InquiryKind;
      if (changed(themes, inquiry.themes.map((x) => x.slug).join(', '))) input.themes = list(themes.value);
      if (changed(countries, inquiry.countries.map((x) => x.code).join(', '))) input.countries = list(countries.value);
      if (given(note)) input.note = given(note);
      return request(EditInquiryDocument, { input }, { idempotencyKey: key });
    },
  );
}

/**
 * The actions panel for an inquiry the viewer may change. `expertInput` is the ask-an-expert form's field, which
 * the suggested experts fill in.
 */
export function actionsPanel(ctx: ActionContext, expertInput: HTMLInputElement): HTMLElement {
  const open = ctx.inquiry.status !== 'CLOSED' && ctx.inquiry.status !== 'ANSWERED';
  return h(
    'section',
    { class: 'desk-actions', 'aria-label': ctx.t('actions') },
    h('h3', {}, ctx.t('actions')),
    open ? h('div', { class: 'desk-assignment' }, assignment(ctx)) : null,
    h('div', { class: 'desk-forms' }, open ? editForm(ctx) : null, records(ctx, expertInput), finishing(ctx)),
  );
}
