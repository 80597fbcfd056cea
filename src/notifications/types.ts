import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.js';
import { listConnection } from '../graphql/connections.js';
import { pageArgs } from '../graphql/args.js';
import { NOTIFICATION_KINDS, notificationText, type NotificationKind } from '../messages/notifications.js';
import type { NotificationRecord } from './repository.js';
import { markAllNotificationsRead, markNotificationRead, myNotifications, myUnreadCount } from './service.js';

const KIND_DESCRIPTIONS = {
  NEW_INQUIRY: 'A new inquiry was routed to your team.',
  ASSIGNED: 'An inquiry was assigned to you.',
  HANDED_OVER: 'A colleague handed an inquiry over to you.',
  DUE_TOMORROW: 'An inquiry of your team is due by the end of the next working day.',
  OVERDUE: 'An inquiry of your team is past its due date.',
  EXPERT_ANSWERED: 'An expert consulted on an inquiry of your team answered.',
  MINISTRY_ANSWERED: 'A ministry coordinated with on an inquiry of your team answered.',
  FILED_INQUIRY_ANSWERED: 'An inquiry you filed was answered.',
} satisfies Record<NotificationKind, string>;

export const NotificationKindEnum = builder.enumType('NotificationKind', {
  description: 'What a notification is about.',
  values: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { description: KIND_DESCRIPTIONS[kind] }])) as {
    [K in NotificationKind]: { description: string };
  },
});

export const NotificationRef = builder.objectRef<NotificationRecord>('Notification').implement({
  description: 'A message in your inbox: something happened to an inquiry that concerns you. Kept 90 days.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Pass it to markNotificationRead.' }),
    kind: t.field({ type: NotificationKindEnum, description: 'What it is about.', resolve: (n) => n.kind }),
    text: t.string({ description: 'What happened, in English.', resolve: (n) => notificationText(n, 'en') }),
    textNl: t.string({ description: 'What happened, in Dutch.', resolve: (n) => notificationText(n, 'nl') }),
    inquirySlug: t.exposeString('inquiryId', { description: 'The inquiry it is about (its slug).' }),
    inquiryId: t.id({
      description: 'The inquiry’s global id: pass it to node(id:) (if you may see the inquiry).',
      resolve: (n) => encodeGlobalID('Inquiry', n.inquiryId),
    }),
    question: t.exposeString('question', { description: 'The inquiry’s question as it was then (shortened).' }),
    actorName: t.exposeString('actorName', { nullable: true, description: 'Who did it, when someone did.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When it happened.', resolve: (n) => n.createdAt }),
    read: t.boolean({ description: 'Whether you marked it read.', resolve: (n) => n.readAt !== null }),
    readAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When you marked it read.',
      resolve: (n) => n.readAt,
    }),
  }),
});

const NotificationConnection = listConnection(NotificationRef, 'Notification', 'notifications');

builder.queryFields((t) => ({
  myNotifications: t.field({
    type: NotificationConnection,
    description:
      'Your inbox, newest first: new inquiries for your team, assignments, due and overdue notices, answers. For ' +
      'every signed-in person (not anonymous).',
    args: {
      ...pageArgs(t),
      unreadOnly: t.arg.boolean({ required: false, description: 'Only the ones not marked read.' }),
    },
    resolve: (_root, args, ctx) => myNotifications(ctx.queries, ctx.viewer, args),
  }),
  unreadNotificationCount: t.int({
    description: 'How many of your notifications are unread (one index look-up: cheap enough for every page).',
    resolve: (_root, _args, ctx) => myUnreadCount(ctx.queries, ctx.viewer),
  }),
}));

builder.mutationFields((t) => ({
  markNotificationRead: t.field({
    type: NotificationRef,
    description: 'Marks one of your notifications read; returns it.',
    args: { id: t.arg.id({ required: true, description: 'The notification’s id.' }) },
    resolve: (_root, args, ctx) => markNotificationRead(ctx.queries, ctx.viewer, args.id),
  }),
  markAllNotificationsRead: t.int({
    description: 'Marks all your unread notifications read; returns how many were.',
    resolve: (_root, _args, ctx) => markAllNotificationsRead(ctx.queries, ctx.viewer),
  }),
}));
