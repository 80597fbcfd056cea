// Filing an inquiry from the search page (recordInquiry), prefilled with the question asked. Shown to the
// roles that may file; the API decides in the end and its message is shown as it is.
import { InstitutionsDocument, type RecordInquiryInput, type RecordInquiryMutation } from './gql/graphql';
import { request, type Result } from './lib/client';
import { h, render } from './lib/dom';
import { formatDate } from './lib/i18n';
import type { SearchLabel } from './search-text';
import { errorContent } from './lib/errors';

interface Prefill {
  question: string;
  theme: string | null;
  country: string | null;
}

export function mountFileForm(
  container: HTMLElement,
  t: (key: SearchLabel) => string,
  prefill: Prefill,
  record: (input: RecordInquiryInput) => Promise<Result<RecordInquiryMutation>>,
): void {
  const question = h('textarea', { name: 'question', required: true, rows: 2, maxLength: 5000 }, prefill.question);
  const askedBy = h('select', { name: 'askedBy', required: true }, h('option', { value: '' }, t('choose')));
  const kind = h(
    'select',
    { name: 'kind' },
    (['EXPERTISE_REQUEST', 'KNOWLEDGE_SECURITY'] as const).map((k) => h('option', { value: k }, t(`kind_${k}`))),
  );
  const routedTo = h(
    'select',
    { name: 'routedTo' },
    h('option', { value: 'ckn' }, 'CKN'),
    h('option', { value: 'reka' }, 'REKA'),
  );
  const contactName = h('input', { name: 'contactName', maxLength: 200 });
  const contactEmail = h('input', { name: 'contactEmail', type: 'email', maxLength: 200 });
  const context = h('textarea', { name: 'context', rows: 2, maxLength: 5000 });
  const outcome = h('p', { class: 'file-outcome', role: 'status' });
  kind.addEventListener('change', () => (routedTo.disabled = kind.value === 'KNOWLEDGE_SECURITY'));

  // Every institution, a page at a time: a first page alone leaves out whoever sorts after it.
  const loadInstitutions = (after: string | null): Promise<void> =>
    request(InstitutionsDocument, { first: 100, after }).then(({ data }) => {
      const { edges, pageInfo } = data.institutions;
      askedBy.append(...edges.map(({ node }) => h('option', { value: node.slug }, node.name)));
      return pageInfo.hasNextPage && pageInfo.endCursor ? loadInstitutions(pageInfo.endCursor) : undefined;
    });
  loadInstitutions(null).catch((error: unknown) => render(outcome, h('span', { class: 'error' }, errorContent(error))));

  const submit = h('button', { type: 'submit' }, t('file'));
  const form = h(
    'form',
    {
      class: 'file-inquiry',
      on: {
        submit: (event) => {
          event.preventDefault();
          const security = kind.value === 'KNOWLEDGE_SECURITY';
          const input: RecordInquiryInput = {
            question: question.value.trim(),
            askedBy: askedBy.value,
            kind: security ? 'KNOWLEDGE_SECURITY' : 'EXPERTISE_REQUEST',
            ...(security ? {} : { routedTo: routedTo.value }),
            ...(prefill.theme ? { themes: [prefill.theme] } : {}),
            ...(prefill.country ? { countries: [prefill.country] } : {}),
            ...(contactName.value.trim() ? { contactName: contactName.value.trim() } : {}),
            ...(contactEmail.value.trim() ? { contactEmail: contactEmail.value.trim() } : {}),
            ...(context.value.trim() ? { context: context.value.trim() } : {}),
          };
          submit.disabled = true;
          render(outcome, t('filing'));
          record(input).then(
            ({ data }) => {
              const inquiry = data.recordInquiry.inquiry;
              render(
                outcome,
                h(
                  'span',
                  { class: 'filed', dataset: { slug: inquiry.slug, id: inquiry.id } },
                  `${t('filed')} ${inquiry.slug} · ${t('due')} ${formatDate(inquiry.dueAt)}`,
                ),
              );
            },
            (error: unknown) => {
              submit.disabled = false;
              render(outcome, h('span', { class: 'error' }, errorContent(error)));
            },
          );
        },
      },
    },
    h('label', {}, t('fileQuestion'), question),
    h('label', {}, t('askedBy'), askedBy),
    h('label', {}, t('kind'), kind),
    h('label', {}, t('routedTo'), routedTo),
    h('label', {}, t('contactName'), contactName),
    h('label', {}, t('contactEmail'), contactEmail),
    h('label', {}, t('context'), context),
    submit,
    outcome,
  );
  render(container, h('details', { class: 'file-details' }, h('summary', {}, t('fileTitle')), form));
}
