import type { EntityManager } from '@mikro-orm/postgresql';
import { recordRevision } from '../audit/audit';
import { SourceInput } from './source-input';
import { Source } from './source.entity';

/** The Source for each cited URL: existing ones are reused (their details untouched), new ones created. */
export async function upsertSources(em: EntityManager, actor: string, inputs: readonly SourceInput[]): Promise<Source[]> {
  const existing = new Map((await em.find(Source, { url: { $in: inputs.map((s) => s.url) } })).map((s) => [s.url, s]));
  const result: Source[] = [];
  for (const input of inputs) {
    let source = existing.get(input.url);
    if (!source) {
      source = Object.assign(new Source(), {
        kind: input.kind,
        url: input.url,
        title: input.title,
        publisher: input.publisher ?? null,
        publishedOn: input.publishedOn ?? null,
        retrievedOn: input.retrievedOn ?? null,
        archiveUrl: input.archiveUrl ?? null,
      });
      await em.persistAndFlush(source);
      recordRevision(em, actor, 'create', 'Source', source.id, { url: [null, source.url], title: [null, source.title], kind: [null, source.kind] });
      existing.set(input.url, source);
    }
    result.push(source);
  }
  return result;
}
