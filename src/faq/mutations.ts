import { builder } from '../graphql/builder.js';
import { HANDLERS } from '../graphql/scopes.js';
import { curationMutations } from '../writes/mutation-fields.js';
import { changedFaqFields, newFaqFields } from './inputs.js';
import { monthOf } from './model.js';
import { countRead } from './reads-repository.js';
import { createFaqArticle, moveFaqArticle, retireFaqArticle, updateFaqArticle } from './service.js';
import { FaqArticleNode } from './types.js';

const MoveInput = builder.inputType('FaqMoveInput', {
  description: 'Which article, at which version, and a note for the history.',
  fields: (f) => ({
    id: f.string({ required: true, description: 'The article (global id or slug).' }),
    expectedVersion: f.int({
      required: true,
      description: 'The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting.',
    }),
    note: f.string({ required: false, description: 'Why, for the history (e.g. what the reviewer asks to change).' }),
  }),
});

const WHO = 'For handlers: the desk, the secretariats and administrators.';

builder.mutationFields((t) => {
  const move = (name: 'submit' | 'publish' | 'sendBack', description: string) =>
    t.field({
      type: FaqArticleNode,
      description: `${description} ${WHO}`,
      authScopes: HANDLERS,
      args: { input: t.arg({ type: MoveInput, required: true, description: 'Which article.' }) },
      resolve: (_root, args, ctx) => moveFaqArticle(ctx.queries, ctx.viewer, name, args.input),
    });
  return {
    ...curationMutations(t, {
      typename: 'FaqArticle',
      type: FaqArticleNode,
      noun: 'FAQ article',
      who: `${WHO} A published article whose text, topics or sources change goes back to draft.`,
      authScopes: HANDLERS,
      fields: { create: newFaqFields, update: changedFaqFields },
      create: (ctx, input) => createFaqArticle(ctx.queries, ctx.viewer, input),
      update: (ctx, input) => updateFaqArticle(ctx.queries, ctx.viewer, input),
      retire: (ctx, input) => retireFaqArticle(ctx.queries, ctx.viewer, input),
    }),
    submitFaqArticle: move('submit', 'Submits a draft for review by a second handler.'),
    publishFaqArticle: move(
      'publish',
      'Publishes an article in review: by a handler who is not its author, and only when its text holds no e-mail ' +
        'address, phone number or source’s name.',
    ),
    sendBackFaqArticle: move('sendBack', 'Sends an article in review back to draft, with a note of what to change.'),
    recordFaqRead: t.boolean({
      description:
        'Counts one read of a published article (per article and month; the dashboard shows them). Open to anyone; ' +
        'true when counted, false when no published article has the slug.',
      args: { slug: t.arg.string({ required: true, description: 'The article’s slug.' }) },
      resolve: (_root, args, ctx) => countRead(ctx.queries, args.slug, monthOf(new Date())),
    }),
  };
});
