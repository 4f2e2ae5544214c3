/** Twitter-style short ages: "now", "5s", "3m", "2h", then a date ("Nov 3", or "Nov 3, 2023" for other years). */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RelativeTimeOptions {
  /** Mostly for tests: dates then render the same on every machine. */
  timeZone?: string;
}

export function relativeTime(iso: string, now: number, options: RelativeTimeOptions = {}): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  // A clock slightly ahead of ours must not show a negative age.
  const age = Math.max(0, now - then);
  if (age < SECOND) return 'now';
  if (age < MINUTE) return `${Math.floor(age / SECOND)}s`;
  if (age < HOUR) return `${Math.floor(age / MINUTE)}m`;
  if (age < DAY) return `${Math.floor(age / HOUR)}h`;
  const date = new Date(then);
  const sameYear = yearIn(date, options.timeZone) === yearIn(new Date(now), options.timeZone);
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

/** The full date and time, for a tooltip and for screen readers. */
export function fullTime(iso: string, options: RelativeTimeOptions = {}): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  return new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(new Date(then));
}

function yearIn(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(date);
}
