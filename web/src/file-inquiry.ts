// Filing an inquiry from the search page (recordInquiry), prefilled with the question asked and with the team
// proposed from the countries the search recognised. Shown to the roles that may file; the API decides in the end and
// its message is shown as it is. A filing whose answer was lost (a timeout, a busy server, the network) may have been
// stored: it is sent again only as the same request with the same Idempotency-Key, which answers the stored inquiry
// instead of filing a second.
import type { RecordInquiryInput, RecordInquiryMutation, WhoKnowsQuery } from './gql/graphql';
import { isTransient, newIdempotencyKey, RequestFailed, type Result } from './lib/client';
import { h, render } from './lib/dom';
import { errorContent } from './lib/errors';
import { formatDate, localName } from './lib/i18n';
import { suggestInstitutions } from './lib/institution-picker';
import { proposeTeam, type Team } from './lib/network-proposal';
import { currentRoles } from './lib/session';
import { HANDLER_ROLES } from './lib/signin';
import type { SearchLabel } from './search-text';

interface Prefill {
  question: string;
  theme: string | null;
  country: string | null;
  /** The countries the search recognised (null: the search did not answer, so nothing is proposed). */
  recognised: WhoKnowsQuery['whoKnows']['countries'] | null;
}

type Filed = RecordInquiryMutation['recordInquiry']['inquiry'];

const TEAMS: Team[] = ['ckn', 'reka', 'knowledge-security-desk'];

/** Where to open a filed inquiry: the desk for those who handle inquiries, else its line in "my inquiries". */
const inquiryLink = (slug: string): string =>
  currentRoles().some((role) => HANDLER_ROLES.includes(role))
    ? `/desk?queue=ALL&inquiry=${encodeURIComponent(slug)}`
    : `#inquiry-${slug}`;

export function mountFileForm(
  container: HTMLElement,
  t: (key: SearchLabel) => string,
  prefill: Prefill,
  record: (input: RecordInquiryInput, idempotencyKey: string) => Promise<Result<RecordInquiryMutation>>,
): void {
  const question = h('textarea', { name: 'question', required: true, rows: 2, maxLength: 5000 }, prefill.question);
  const askedBy = h('input', { name: 'askedBy', required: true, maxLength: 200, placeholder: t('askedByHint') });
  const proposal = prefill.recognised ? proposeTeam(prefill.recognised.map((c) => c.code)) : null;
  const routedTo = h(
    'select',
    { name: 'routedTo', required: true },
    proposal ? null : h('option', { value: '' }, t('choose')),
    TEAMS.map((team) => h('option', { value: team }, t(`team_${team}`))),
  );
  routedTo.value = proposal?.team ?? '';
  const because = prefill.recognised?.find((c) => c.code === proposal?.because);
  const proposed = proposal
    ? h(
        'p',
        { class: 'proposal' },
        because ? t('proposedFor').replace('{country}', localName(because)) : t('proposedDesk'),
      )
    : null;
  const contactName = h('input', { name: 'contactName', maxLength: 200 });
  const contactEmail = h('input', { name: 'contactEmail', type: 'email', maxLength: 200 });
  const context = h('textarea', { name: 'context', rows: 2, maxLength: 5000 });
  const outcome = h('div', { class: 'file-outcome', role: 'status' });
  const submit = h('button', { type: 'submit' }, t('file'));
  const fields = h(
    'fieldset',
    { class: 'file-fields' },
    h('label', {}, t('fileQuestion'), question),
    h('label', {}, t('askedBy'), askedBy),
    suggestInstitutions(askedBy),
    h('label', {}, t('routedTo'), routedTo, proposed),
    h('label', {}, t('contactName'), contactName),
    h('label', {}, t('contactEmail'), contactEmail),
    h('label', {}, t('context'), context),
  );

  const inputOfForm = (): RecordInquiryInput => {
    const team = routedTo.value as Team;
    return {
      question: question.value.trim(),
      askedBy: askedBy.value.trim(),
      kind: team === 'knowledge-security-desk' ? 'KNOWLEDGE_SECURITY' : 'EXPERTISE_REQUEST',
      routedTo: team,
      ...(prefill.theme ? { themes: [prefill.theme] } : {}),
      ...(prefill.country ? { countries: [prefill.country] } : {}),
      ...(contactName.value.trim() ? { contactName: contactName.value.trim() } : {}),
      ...(contactEmail.value.trim() ? { contactEmail: contactEmail.value.trim() } : {}),
      ...(context.value.trim() ? { context: context.value.trim() } : {}),
    };
  };

  const showFiled = (inquiry: Filed, again: boolean) =>
    render(
      outcome,
      h(
        'p',
        { class: again ? 'filed already-filed' : 'filed', dataset: { slug: inquiry.slug, id: inquiry.id } },
        `${again ? t('alreadyFiled') : t('filed')} ${inquiry.slug} · ${t('due')} ${formatDate(inquiry.dueAt)}`,
      ),
      h(
        'p',
        { class: 'filed-links' },
        h('a', { class: 'open-inquiry', href: inquiryLink(inquiry.slug) }, t('openInquiry')),
        ' · ',
        h('a', { class: 'to-my-inquiries', href: '#my-inquiries' }, t('myInquiries')),
      ),
    );

  /**
   * Sends the filing (again, with the same key, after an attempt whose answer was lost). Until an answer says
   * what became of it, the form stays locked: a second filing of the same question would be a duplicate.
   */
  function send(input: RecordInquiryInput, key: string): void {
    fields.disabled = true;
    submit.disabled = true;
    render(outcome, t('filing'));
    record(input, key).then(
      // Replayed: the earlier attempt had stored it, and this answer is that inquiry.
      ({ data, replayed }) => showFiled(data.recordInquiry.inquiry, replayed),
      (error: unknown) => {
        const written = error instanceof RequestFailed ? error.extensions?.outcome : undefined;
        if (isTransient(error) || written === 'UNKNOWN' || written === 'STORED') {
          const again = h(
            'button',
            { type: 'button', class: 'retry', on: { click: () => send(input, key) } },
            t('retry'),
          );
          render(
            outcome,
            h('p', { class: 'error', role: 'alert' }, errorContent(error), ' ', t('notTwice'), ' ', again),
          );
          again.focus();
          return;
        }
        fields.disabled = false;
        submit.disabled = false;
        render(outcome, h('p', { class: 'error', role: 'alert' }, (error as Error).message));
      },
    );
  }

  const form = h(
    'form',
    {
      class: 'file-inquiry',
      on: {
        submit: (event) => {
          event.preventDefault();
          send(inputOfForm(), newIdempotencyKey());
        },
      },
    },
    fields,
    submit,
    outcome,
  );
  render(container, h('details', { class: 'file-details' }, h('summary', {}, t('fileTitle')), form));
}
