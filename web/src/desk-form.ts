// How every write on the desk page behaves: its button is disabled while the request runs, it sends an
// Idempotency-Key (a retried write applies once), the API's message is shown beside the form, and on CONFLICT
// the inquiry is reloaded with a notice saying who holds it or that it changed.
import { newIdempotencyKey, RequestFailed } from './lib/client';
import { h, render } from './lib/dom';
import type { DeskInquiry } from './desk-inquiry';
import type { DeskLabel, DeskT } from './desk-text';
import { errorContent } from './lib/errors';

export interface ActionContext {
  t: DeskT;
  inquiry: DeskInquiry;
  /** The signed-in person (token subject and name). */
  me: { id: string; name: string };
  admin: boolean;
  /** Reloads the inquiry (and the queue), showing `notice` above it. */
  reload(notice?: string): Promise<void>;
}

/** Sends a write with a fresh Idempotency-Key, guarding `button` and reporting in `outcome`. */
export async function runWrite(
  ctx: ActionContext,
  button: HTMLButtonElement,
  outcome: HTMLElement,
  send: (idempotencyKey: string) => Promise<unknown>,
): Promise<void> {
  const { t } = ctx;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  render(outcome, t('working'));
  try {
    await send(newIdempotencyKey());
    render(outcome, t('done'));
    await ctx.reload();
  } catch (error) {
    const failed = error instanceof RequestFailed ? error : null;
    if (failed?.code === 'CONFLICT') {
      const holder = failed.extensions?.handler?.name;
      // The page's own words: the API's message is English and names versions, which the reader has no use for.
      await ctx.reload(`${t('conflict')}${holder ? ` ${t('heldBy')} ${holder}.` : ''}`);
      return;
    }
    render(outcome, h('span', { class: 'error', role: 'alert' }, errorContent(error)));
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A labelled control. */
export const field = (label: string, control: HTMLElement): HTMLLabelElement =>
  h('label', {}, h('span', {}, label), control);

export const textInput = (name: string, props: Record<string, unknown> = {}): HTMLInputElement =>
  h('input', { type: 'text', name, maxLength: 200, ...props });

export const textArea = (name: string, props: Record<string, unknown> = {}): HTMLTextAreaElement =>
  h('textarea', { name, rows: 3, maxLength: 5000, ...props });

export const select = (name: string, values: Array<[string, string]>, props: Record<string, unknown> = {}) =>
  h(
    'select',
    { name, ...props },
    values.map(([value, label]) => h('option', { value }, label)),
  );

/** A datetime-local value as the API's DateTime (the browser's time zone), or undefined when empty. */
export const moment = (input: HTMLInputElement): string | undefined =>
  input.value ? new Date(input.value).toISOString() : undefined;

/** A comma-separated list, without blanks. */
export const list = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Text or undefined when blank. */
export const given = (control: { value: string }): string | undefined => control.value.trim() || undefined;

/**
 * A write as a form in a disclosure (a native <details>): `fields`, a submit button and the outcome beside it.
 * Escape closes it and gives the focus back to its summary.
 */
export function actionForm(
  ctx: ActionContext,
  name: string,
  title: DeskLabel,
  fields: HTMLElement[],
  submitLabel: DeskLabel,
  send: (idempotencyKey: string) => Promise<unknown>,
): HTMLDetailsElement {
  const button = h('button', { type: 'submit' }, ctx.t(submitLabel));
  const outcome = h('p', { class: 'desk-outcome', role: 'status' });
  const summary = h('summary', {}, ctx.t(title));
  const form = h(
    'form',
    {
      class: 'desk-action-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          void runWrite(ctx, button, outcome, send);
        },
      },
    },
    fields,
    h('span', { class: 'desk-form-buttons' }, button),
    outcome,
  );
  const details = h('details', { class: 'desk-action', dataset: { action: name } }, summary, form);
  details.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !details.open) return;
    event.stopPropagation();
    details.open = false;
    summary.focus();
  });
  // Opening a form puts the focus on its first field.
  details.addEventListener('toggle', () => {
    if (details.open) form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  });
  return details;
}

/** A write that needs no input: one button, its outcome beside it. */
export function actionButton(
  ctx: ActionContext,
  name: string,
  label: DeskLabel,
  send: (idempotencyKey: string) => Promise<unknown>,
): HTMLElement {
  const outcome = h('span', { class: 'desk-outcome', role: 'status' });
  const button: HTMLButtonElement = h(
    'button',
    {
      type: 'button',
      class: 'desk-button',
      dataset: { action: name },
      on: { click: () => void runWrite(ctx, button, outcome, send) },
    },
    ctx.t(label),
  );
  return h('span', { class: 'desk-button-wrap' }, button, outcome);
}
