import type { EntityManager } from '@mikro-orm/postgresql';
import { entitySearchText } from './normalize';

/**
 * Fills `entity.search_text` where it is missing: rows written before the column existed, or
 * by SQL outside the ORM. Runs at start-up after migrations; a no-op once everything is set.
 */
export async function backfillSearchText(em: EntityManager, batchSize = 1000): Promise<number> {
  const knex = em.getKnex();
  let done = 0;
  for (;;) {
    const rows = (await knex('entity').select('id', 'name', 'aliases').whereNull('search_text').orderBy('id').limit(batchSize)) as {
      id: number;
      name: string;
      aliases: string[];
    }[];
    if (!rows.length) return done;
    await knex.transaction(async (trx) => {
      for (const row of rows) {
        await trx('entity').where({ id: row.id }).update({ search_text: entitySearchText(row.name, row.aliases ?? []) });
      }
    });
    done += rows.length;
  }
}
