import { builder } from '../graphql/builder.js';
import { STAFF } from '../graphql/scopes.js';
import { DEFAULT_DUE_WITHIN_WORKING_DAYS, inquiryQueueCounts, MAX_DUE_WITHIN_WORKING_DAYS } from './queues.js';
import type { InquiryQueue } from './queues-repository.js';

export const InquiryQueueEnum = builder.enumType('InquiryQueue', {
  description: 'A work queue of open inquiries (RECEIVED, IN_PROGRESS or COORDINATING), as the viewer sees them.',
  values: {
    MINE: { description: 'Handled by me.' },
    UNASSIGNED: { description: 'Routed to one of my teams, and nobody has taken them.' },
    MY_TEAMS: { description: 'Routed to one of my teams (administrators: to any team).' },
    DUE_SOON: {
      description:
        'Of my teams, not yet overdue and due by the end of the dueWithinWorkingDays-th Dutch working day from ' +
        'today (default 1: due by the end of the next working day).',
    },
    OVERDUE: { description: 'Of my teams, past their due moment.' },
    WAITING_ON_MINISTRIES: { description: 'Of my teams, COORDINATING with ministries.' },
    WAITING_ON_EXPERTS: { description: 'Of my teams, with an expert consultation asked and not yet answered.' },
    FILED_BY_ME: { description: 'Filed by me (for officers: my questions still waiting for their answer).' },
  } satisfies Record<InquiryQueue, { description: string }>,
});

export const InquiryOrderEnum = builder.enumType('InquiryOrder', {
  description: 'How a list of inquiries is ordered (then by slug).',
  values: {
    RECEIVED: { description: 'First come, first served: by receipt, oldest first.' },
    DUE: { description: 'Soonest due first.' },
  } as const,
});

const QueueCount = builder.objectRef<{ queue: InquiryQueue; count: number }>('InquiryQueueCount').implement({
  description: 'How many inquiries wait in one queue.',
  fields: (t) => ({
    queue: t.field({ type: InquiryQueueEnum, description: 'The queue.', resolve: (q) => q.queue }),
    count: t.exposeInt('count', { description: 'How many inquiries the viewer may see are in it.' }),
  }),
});

builder.queryFields((t) => ({
  inquiryQueues: t.field({
    type: [QueueCount],
    description:
      'How many inquiries wait in each queue (every queue listed), counted over those the viewer may see: for a ' +
      'page header. List them with inquiries(filter: {queue: …}). For officers, secretariats, the desk and ' +
      'administrators.',
    authScopes: STAFF,
    args: {
      dueWithinWorkingDays: t.arg.int({
        required: false,
        description:
          `For DUE_SOON: how many working days ahead, from 0 (today) to ${MAX_DUE_WITHIN_WORKING_DAYS} ` +
          `(default ${DEFAULT_DUE_WITHIN_WORKING_DAYS}).`,
      }),
    },
    resolve: (_root, args, ctx) => inquiryQueueCounts(ctx.queries, ctx.viewer, args.dueWithinWorkingDays),
  }),
}));
