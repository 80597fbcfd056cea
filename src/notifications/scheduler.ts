import { hostname } from 'node:os';
import type { Database, Queries } from '../db/database.js';
import { DuplicateRecordError } from '../db/errors.js';
import { digestMails, type MailMessage } from './digest.js';
import { deliver, deliverImmediate, type Delivery, type Mailer } from './mail.js';
import { claimSchedulerRun, openInquiriesDue, pruneNotifications, type DueInquiry } from './repository.js';
import { KEPT_DAYS, notify } from './service.js';

const DAY_MS = 86_400_000;

/**
 * The Dutch working-day calendar (src/inquiries/working-days.ts) and the open statuses (src/inquiries/status.ts), given
 * by the caller: the inquiries area sits above this one (it calls `notify`), so it is passed in rather than imported.
 */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The instant a calendar date begins in Amsterdam. */
  startOfDate(date: string): Date;
  /** The Amsterdam calendar date of an instant. */
  dateOf(instant: Date): string;
  openStatuses: readonly string[];
}

/** A calendar date (YYYY-MM-DD) `days` later (or earlier). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function nextWorkingDay(calendar: WorkingCalendar, date: string): string {
  let day = addDays(date, 1);
  // A year holds far fewer days off in a row; the bound only keeps a broken calendar from looping.
  for (let i = 0; i < 366 && !calendar.isWorkingDay(day); i++) day = addDays(day, 1);
  return day;
}

/** The instants that decide what a day's run announces. */
export interface DayWindows {
  /** The next working day: inquiries due by its end are "due tomorrow". */
  tomorrow: string;
  /** Due after today and by the end of the next working day (over a weekend or holiday: due on the Monday). */
  dueTomorrow: { from: Date; to: Date };
  /** Due before today began (within the time notifications are kept): overdue, announced once per inquiry. */
  overdue: { from: Date; to: Date };
}

export function dayWindows(calendar: WorkingCalendar, day: string): DayWindows {
  const tomorrow = nextWorkingDay(calendar, day);
  const today = calendar.startOfDate(day);
  return {
    tomorrow,
    dueTomorrow: { from: calendar.startOfDate(addDays(day, 1)), to: calendar.startOfDate(addDays(tomorrow, 1)) },
    overdue: { from: new Date(today.getTime() - KEPT_DAYS * DAY_MS), to: today },
  };
}

export interface DailyRunOptions {
  /** The calendar date (YYYY-MM-DD, Amsterdam) the run is for. */
  day: string;
  calendar: WorkingCalendar;
  /** Null: no e-mail (SMTP_URL unset); the notices still go to the inbox. */
  mailer: Mailer | null;
  /** Who runs it, for the record (host and process). */
  by?: string;
  now?: Date;
  onMailError?: (error: unknown, message: MailMessage) => void;
}

export type DailyRunResult =
  | { day: string; ran: false; reason: 'NOT_A_WORKING_DAY' | 'ALREADY_RUN' }
  | { day: string; ran: true; dueTomorrow: number; overdue: number; pruned: number; digests: Delivery | null };

/** Digests carry the notifications of about the last week that were not mailed yet. */
const DIGEST_WINDOW_MS = 7 * DAY_MS;

/** Who hears that an inquiry is due: its handler when it has one (help desks remind the assignee), else its team. */
const recipientsOf = (inquiry: DueInquiry) =>
  inquiry.handlerId ? { persons: [inquiry.handlerId] } : { team: inquiry.routedTo };

/**
 * A working day's run: due-tomorrow and overdue notices to the team of each inquiry, pruning of notifications older
 * than 90 days, and (with a mailer) one digest per person. Runs once per day whatever the number of processes: the
 * first to create the day's `SchedulerRun` node (unique by day) does it all, in the same transaction; the others fail
 * on the constraint and skip. Not on weekends and Dutch public holidays.
 */
export async function runDaily(queries: Queries, options: DailyRunOptions): Promise<DailyRunResult> {
  const { day, calendar } = options;
  if (!calendar.isWorkingDay(day)) return { day, ran: false, reason: 'NOT_A_WORKING_DAY' };
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const windows = dayWindows(calendar, day);
  const range = (w: { from: Date; to: Date }) => ({
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    openStatuses: calendar.openStatuses,
  });
  let counts: { dueTomorrow: number; overdue: number; pruned: number };
  try {
    counts = await queries.writeTransaction(async (run) => {
      await claimSchedulerRun(run, day, options.by ?? `${hostname()}:${process.pid}`, at);
      const due = await openInquiriesDue(run, range(windows.dueTomorrow));
      for (const inquiry of due) {
        await notify(run, {
          kind: 'DUE_TOMORROW',
          inquiryId: inquiry.id,
          ...recipientsOf(inquiry),
          at: now,
          key: `due:${inquiry.id}:${windows.tomorrow}`,
        });
      }
      const overdue = await openInquiriesDue(run, range(windows.overdue));
      for (const inquiry of overdue) {
        await notify(run, {
          kind: 'OVERDUE',
          inquiryId: inquiry.id,
          ...recipientsOf(inquiry),
          at: now,
          key: `overdue:${inquiry.id}`,
        });
      }
      const pruned = await pruneNotifications(run, new Date(now.getTime() - KEPT_DAYS * DAY_MS).toISOString());
      return { dueTomorrow: due.length, overdue: overdue.length, pruned };
    });
  } catch (error) {
    if (error instanceof DuplicateRecordError) return { day, ran: false, reason: 'ALREADY_RUN' };
    throw error;
  }
  const digests = options.mailer
    ? await deliver(
        queries,
        options.mailer,
        'DIGEST',
        new Date(now.getTime() - DIGEST_WINDOW_MS),
        (rows) => digestMails(rows, day),
        options.onMailError ?? (() => {}),
        now,
      )
    : null;
  return { day, ran: true, ...counts, digests };
}

/** The next moment it is `at` (hours and minutes, Amsterdam time) after `now`. */
export function nextRunAt(calendar: WorkingCalendar, at: { hour: number; minute: number }, now: Date): Date {
  const offset = (at.hour * 60 + at.minute) * 60_000;
  const today = calendar.dateOf(now);
  const candidate = new Date(calendar.startOfDate(today).getTime() + offset);
  return candidate > now ? candidate : new Date(calendar.startOfDate(addDays(today, 1)).getTime() + offset);
}

export interface SchedulerOptions {
  calendar: WorkingCalendar;
  mailer: Mailer | null;
  dailyAt: { hour: number; minute: number };
  log: { info(message: string): void; warn(details: object, message: string): void };
  /** How often mail that goes out at once is looked for (ms). */
  pollMs?: number;
}

/**
 * Runs the daily run at the configured time of each day (it skips days off itself) and, with a mailer, sends the
 * immediate mail every few seconds. A process started after the time of day first runs the next day (`npm run
 * notify` runs a day by hand). Returns a stop function.
 */
export function startScheduler(database: Database, options: SchedulerOptions): { stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let poller: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const onMailError = (error: unknown, message: MailMessage) =>
    options.log.warn({ err: error, to: message.to }, 'A notification mail was not sent; it is tried again later');

  const schedule = () => {
    if (stopped) return;
    const when = nextRunAt(options.calendar, options.dailyAt, new Date());
    timer = setTimeout(
      () => {
        const day = options.calendar.dateOf(new Date());
        running = runDaily(database.queries(), { day, calendar: options.calendar, mailer: options.mailer, onMailError })
          .then((result) => options.log.info(`Daily notifications of ${day}: ${JSON.stringify(result)}`))
          .catch((error: unknown) => options.log.warn({ err: error }, `The daily notifications of ${day} failed`))
          .finally(schedule);
      },
      Math.max(1_000, when.getTime() - Date.now()),
    );
    timer.unref();
  };
  schedule();

  const mailer = options.mailer;
  if (mailer) {
    const poll = () => {
      if (stopped) return;
      running = deliverImmediate(database.queries(), mailer, onMailError)
        .catch((error: unknown) => options.log.warn({ err: error }, 'Sending immediate notification mail failed'))
        .finally(() => {
          if (!stopped) poller = setTimeout(poll, options.pollMs ?? 10_000).unref();
        });
    };
    poller = setTimeout(poll, options.pollMs ?? 10_000).unref();
  }

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(poller);
      await running.catch(() => {});
      mailer?.close();
    },
  };
}
