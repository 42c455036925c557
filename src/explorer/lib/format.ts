import type { ActionKind, Granularity } from '../../generated/explorer';

/** One colour per action kind, shared by the chart and the badges. */
export const KIND_COLORS: Record<ActionKind, string> = {
  LISTING: '#c2410c',
  DELISTING: '#65a30d',
  LISTING_AMENDMENT: '#ea580c',
  JOINT_LETTER: '#2563eb',
  STATEMENT: '#7c3aed',
  RESOLUTION: '#0891b2',
  LEGISLATION: '#0f766e',
  EXECUTIVE_ORDER: '#b45309',
  VISA_RESTRICTION: '#db2777',
  TRADE_RESTRICTION: '#9f1239',
  REPORT: '#475569',
  OTHER: '#6b7280',
};

/** "JOINT_LETTER" -> "Joint letter". */
export function humanize(value: string): string {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2019-10-09" -> "9 Oct 2019". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The label of a timeline period that starts on `start`. */
export function periodLabel(start: string, granularity: Granularity): string {
  const [y, m] = start.split('-').map(Number);
  switch (granularity) {
    case 'YEAR':
      return String(y);
    case 'QUARTER':
      return `${y} Q${Math.floor((m - 1) / 3) + 1}`;
    case 'MONTH':
      return `${MONTHS[m - 1]} ${y}`;
    case 'WEEK':
      return `Week of ${formatDate(start)}`;
    default:
      return formatDate(start);
  }
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The last day (inclusive) of the timeline period that starts on `start`. */
export function periodEnd(start: string, granularity: Granularity): string {
  const [y, m, d] = start.split('-').map(Number);
  const date = (() => {
    switch (granularity) {
      case 'YEAR':
        return new Date(Date.UTC(y, 11, 31));
      case 'QUARTER':
        return new Date(Date.UTC(y, m + 2, 0));
      case 'MONTH':
        return new Date(Date.UTC(y, m, 0));
      case 'WEEK':
        return new Date(Date.UTC(y, m - 1, d + 6));
      default:
        return new Date(Date.UTC(y, m - 1, d));
    }
  })();
  return date.toISOString().slice(0, 10);
}

/** The first day of the timeline period that contains `date` (weeks start on Monday, as in the API). */
export function periodStart(date: string, granularity: Granularity): string {
  const [y, m, d] = date.split('-').map(Number);
  const start = (() => {
    switch (granularity) {
      case 'YEAR':
        return new Date(Date.UTC(y, 0, 1));
      case 'QUARTER':
        return new Date(Date.UTC(y, Math.floor((m - 1) / 3) * 3, 1));
      case 'MONTH':
        return new Date(Date.UTC(y, m - 1, 1));
      case 'WEEK': {
        const day = new Date(Date.UTC(y, m - 1, d));
        return new Date(Date.UTC(y, m - 1, d - ((day.getUTCDay() + 6) % 7)));
      }
      default:
        return new Date(Date.UTC(y, m - 1, d));
    }
  })();
  return start.toISOString().slice(0, 10);
}
