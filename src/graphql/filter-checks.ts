import type { Context } from './context';
import { badInput } from './errors';
import type { ActionFilter, DateRange, EntityFilter } from './filter-inputs';

/** A range whose start is after its end would silently match nothing: refuse it instead. */
export function checkRange(field: string, range: DateRange | null | undefined): void {
  if (range?.from && range.to && range.from > range.to) {
    throw badInput(field, `has "from" (${range.from}) after "to" (${range.to})`);
  }
}

const SLUG_TABLES = {
  technology: 'technology_category',
  list: 'sanctions_list',
  authority: 'authority',
} as const;

/**
 * Unknown slugs in a filter match nothing (not an error: lists change), but when every slug
 * of a field is unknown the answer is surely a typo, so the response says so in
 * `extensions.warnings`.
 */
export async function checkFilter(ctx: Context, path: string, filter: EntityFilter | ActionFilter | null | undefined): Promise<void> {
  if (!filter) return;
  for (const [field, table] of Object.entries(SLUG_TABLES)) {
    const slugs = (filter as Record<string, unknown>)[field] as string[] | null | undefined;
    if (!slugs?.length) continue;
    const found = await ctx.knex(table).whereIn('slug', slugs).whereNull('deleted_at').count({ n: '*' });
    if (Number((found[0] as { n: string }).n) === 0) {
      ctx.warnings.push({ field: `${path}.${field}`, message: `no ${field} has any of the slugs ${slugs.map((s) => `"${s}"`).join(', ')}; the filter matches nothing` });
    }
  }
}
