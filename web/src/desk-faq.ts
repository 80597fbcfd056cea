// The desk's FAQ panel: articles due for review, in review and in draft, each with the moves a handler may make, and
// the editor (also opened from an answered inquiry) beside a preview of exactly what would be published, in both
// languages, with the personal details the API finds in it.
import {
  CreateFaqArticleDocument,
  DeskFaqArticlesDocument,
  PublishFaqArticleDocument,
  SendBackFaqArticleDocument,
  SubmitFaqArticleDocument,
  UpdateFaqArticleDocument,
  type DeskFaqItemFragment,
} from './gql/graphql';
import { request, RequestFailed } from './lib/client';
import { h, render } from './lib/dom';
import { errorContent } from './lib/errors';
import { englishOnly, formatDate, labels } from './lib/i18n';
import { DESK_FAQ_TEXT } from './desk-faq-text';

const t = labels(DESK_FAQ_TEXT);
type Item = DeskFaqItemFragment;

/** What the editor starts from: an article to change, or a new one from an inquiry. */
export interface FaqDraft {
  article?: Item;
  source?: { slug: string; question: string; answer: string | null };
}

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

const field = (name: string, label: string, control: HTMLInputElement | HTMLTextAreaElement) => {
  control.id = `faq-${name}`;
  control.name = name;
  return h('p', { class: 'faq-field' }, h('label', { for: control.id }, label), control);
};

/** The panel: mount it once; `open` shows the editor for a draft. */
export function mountFaqPanel(): { element: HTMLElement; open: (draft: FaqDraft) => void } {
  const lists = h('div', { class: 'faq-lists' });
  const editor = h('div', { class: 'faq-editor' });
  const message = h('p', { class: 'desk-notice', role: 'status' });
  const element = h(
    'section',
    { class: 'desk-faq', 'aria-labelledby': 'desk-faq-title' },
    h('h2', { id: 'desk-faq-title' }, t('heading')),
    message,
    editor,
    lists,
  );

  async function reload(): Promise<void> {
    try {
      const { data } = await request(DeskFaqArticlesDocument, {});
      const articles = data.faqArticles.articles;
      render(
        lists,
        group(
          'due',
          articles.filter((a) => a.reviewDue),
        ),
        group(
          'inReview',
          articles.filter((a) => a.status === 'IN_REVIEW'),
        ),
        group(
          'drafts',
          articles.filter((a) => a.status === 'DRAFT'),
        ),
      );
    } catch (error) {
      render(lists, h('p', { class: 'error', role: 'alert' }, errorContent(error)));
    }
  }

  const act = (run: () => Promise<unknown>) => async () => {
    try {
      await run();
      render(message, t('saved'));
    } catch (error) {
      // A refused review says why in the API's words ("a second handler must review it"), not only "your role".
      const why = error instanceof RequestFailed && error.code === 'FORBIDDEN' ? error.message : null;
      render(
        message,
        errorContent(error),
        why ? [' ', h('span', { class: 'error-detail', ...englishOnly() }, why)] : null,
      );
    }
    await reload();
  };

  function moves(item: Item): HTMLElement {
    const input = { id: item.slug, expectedVersion: item.version };
    const button = (label: string, run: () => Promise<unknown>) =>
      h('button', { type: 'button', on: { click: () => void act(run)() } }, label);
    return h(
      'span',
      { class: 'faq-moves' },
      h('button', { type: 'button', on: { click: () => open({ article: item }) } }, t('edit')),
      item.status === 'DRAFT' ? button(t('submit'), () => request(SubmitFaqArticleDocument, { input })) : null,
      item.status === 'IN_REVIEW'
        ? [
            button(t('publish'), () => request(PublishFaqArticleDocument, { input })),
            button(t('sendBack'), () => request(SendBackFaqArticleDocument, { input })),
          ]
        : null,
    );
  }

  function group(key: 'due' | 'inReview' | 'drafts', items: Item[]): HTMLElement {
    return h(
      'div',
      { class: `faq-group faq-${key}` },
      h('h3', {}, `${t(key)} (${items.length})`),
      items.length === 0
        ? h('p', { class: 'empty' }, t('none'))
        : h(
            'ul',
            {},
            items.map((item) =>
              h(
                'li',
                { dataset: { slug: item.slug } },
                h('a', { href: `/faq/${encodeURIComponent(item.slug)}` }, item.question),
                h(
                  'span',
                  { class: 'faq-by' },
                  ` — ${t('by')} ${item.author}, ${t('reviewDate')} ${formatDate(item.reviewBy)} `,
                ),
                moves(item),
              ),
            ),
          ),
    );
  }

  function open(draft: FaqDraft): void {
    const a = draft.article;
    const text = (value: string | null | undefined) => h('textarea', { rows: 5, value: value ?? '' });
    const line = (value: string | null | undefined) => h('input', { type: 'text', value: value ?? '' });
    const controls = {
      questionEn: line(a?.questionEn ?? draft.source?.question),
      answerEn: text(a?.answerEn ?? draft.source?.answer),
      questionNl: line(a?.questionNl),
      answerNl: text(a?.answerNl),
      labels: text(a?.labels.map((l) => `${l.en} | ${l.nl}`).join('\n')),
      themes: line(a?.themes.map((x) => x.slug).join(', ')),
      countries: line(a?.countries.map((x) => x.code).join(', ')),
      reviewBy: h('input', { type: 'date', value: a?.reviewBy ?? '' }),
      sources: line(a ? a.sources.map((s) => s.slug).join(', ') : draft.source?.slug),
    };
    const preview = h('div', { class: 'faq-preview', 'aria-live': 'polite' });
    const findings = a?.findings.findings ?? [];
    const showPreview = () =>
      render(
        preview,
        h('h4', {}, t('preview')),
        (['En', 'Nl'] as const).map((suffix) =>
          h(
            'div',
            { class: 'faq-preview-lang', lang: suffix.toLowerCase() },
            h('h5', {}, t(suffix === 'En' ? 'previewEn' : 'previewNl')),
            h('p', { class: 'faq-preview-question' }, controls[`question${suffix}`].value),
            controls[`answer${suffix}`].value.split(/\n{2,}/).map((p) => h('p', {}, p)),
          ),
        ),
        findings.length > 0
          ? [
              h('h5', {}, t('findings')),
              h(
                'ul',
                { class: 'faq-findings' },
                findings.map((f) => h('li', {}, `${f.field}: ${f.found} (${f.kind})`)),
              ),
            ]
          : null,
      );
    const save = async (event: Event) => {
      event.preventDefault();
      const fields = {
        questionEn: controls.questionEn.value,
        answerEn: controls.answerEn.value,
        questionNl: controls.questionNl.value,
        answerNl: controls.answerNl.value,
        labels: controls.labels.value
          .split('\n')
          .filter((row) => row.trim())
          .map((row) => {
            const [en = '', nl = ''] = row.split('|').map((part) => part.trim());
            return { en, nl: nl || en };
          }),
        themes: list(controls.themes.value),
        countries: list(controls.countries.value),
        reviewBy: controls.reviewBy.value,
        sources: list(controls.sources.value),
      };
      await act(() =>
        a
          ? request(UpdateFaqArticleDocument, { input: { id: a.slug, expectedVersion: a.version, ...fields } })
          : request(CreateFaqArticleDocument, { input: fields }),
      )();
      render(editor);
    };
    render(
      editor,
      h(
        'form',
        { class: 'faq-form', on: { submit: (event) => void save(event), input: showPreview } },
        h('h3', {}, a ? `${t('editor')}: ${a.slug}` : t('editor')),
        field('questionEn', t('questionEn'), controls.questionEn),
        field('answerEn', t('answerEn'), controls.answerEn),
        field('questionNl', t('questionNl'), controls.questionNl),
        field('answerNl', t('answerNl'), controls.answerNl),
        field('labels', t('labels'), controls.labels),
        field('themes', t('themes'), controls.themes),
        field('countries', t('countries'), controls.countries),
        field('reviewBy', t('reviewBy'), controls.reviewBy),
        field('sources', t('sources'), controls.sources),
        h(
          'p',
          {},
          h('button', { type: 'submit' }, t('save')),
          ' ',
          h('button', { type: 'button', on: { click: () => render(editor) } }, t('cancel')),
        ),
      ),
      preview,
    );
    showPreview();
    controls.questionEn.focus();
  }

  void reload();
  return { element, open };
}

/** The editor's label for starting an article from an answered inquiry. */
export const newFromLabel = () => t('newFrom');
