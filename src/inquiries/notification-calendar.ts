import type { WorkingCalendar } from '../notifications/scheduler.js';
import { OPEN_STATUSES } from './status.js';
import { amsterdamDate, isWorkingDay, startOfAmsterdamDate } from './working-days.js';

/** The working days and open statuses the daily notifications go by (src/notifications/scheduler.ts). */
export const NOTIFICATION_CALENDAR: WorkingCalendar = {
  isWorkingDay,
  startOfDate: startOfAmsterdamDate,
  dateOf: amsterdamDate,
  openStatuses: OPEN_STATUSES,
};
