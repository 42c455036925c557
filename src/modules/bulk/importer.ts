import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { CSL_REQUIRED_COLUMNS, mapCslRow } from './csl';
import { FTM_PASSES, mapFtmRecord } from './ftm';
import { ImportRun } from './import-run.entity';
import { ImportItem, RowRejected } from './model';
import { mapPkbRecord, PkbWriter } from './pkb';
import { Progress, silentProgress } from './progress';
import { BadInputError, describePosition, InputRecord, readCsv, readJsonArray, readJsonLines } from './readers';
import { BatchWriter, Counts, IMPORT_ACTOR, ImportContext, sumCounts } from './writer';

export const IMPORT_FORMATS = ['csl', 'ftm', 'policy-kb'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  file: string;
  format: ImportFormat;
  /** Run everything in a transaction that is rolled back: reports what would change. */
  dryRun?: boolean;
  /** Records per transaction (500). */
  batchSize?: number;
  /** Where rejected records go (FILE.rejects.jsonl next to the input). Not written on a dry run. */
  rejectsFile?: string;
  progress?: Progress;
  actor?: string;
}

export interface Reject {
  line?: number;
  index?: number;
  reason: string;
}

export interface ImportSummary {
  runId: number | null;
  file: string;
  format: ImportFormat;
  dryRun: boolean;
  status: 'succeeded' | 'failed';
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
  created: number;
  updated: number;
  unchanged: number;
  byTable: Record<string, Counts>;
  rejectsFile: string | null;
  /** The first rejects (all of them are in the rejects file). */
  rejects: Reject[];
  seconds: number;
  error?: string;
}

/** How a format is read and mapped; `pass` runs from 1 to `passes` over the same file. */
interface FormatReader {
  passes: number;
  open(): AsyncGenerator<InputRecord>;
  /** An item to write, 'skip' for a record this pass does not carry (counted once, on the last pass), or a RowRejected. */
  map(value: unknown, pass: number, ctx: ImportContext): ImportItem | 'skip' | 'later';
}

function firstByte(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart().charAt(0);
  } finally {
    fs.closeSync(fd);
  }
}

function readerFor(file: string, format: ImportFormat): FormatReader {
  if (!fs.existsSync(file)) throw new BadInputError(`cannot read ${file}: no such file`);
  const ext = path.extname(file).toLowerCase();
  const first = firstByte(file);
  if (format === 'csl') {
    const open = ext === '.csv' || (ext !== '.json' && ext !== '.jsonl' && ext !== '.ndjson' && first !== '[' && first !== '{')
      ? () => readCsv(file, { requiredColumns: CSL_REQUIRED_COLUMNS })
      : ext === '.jsonl' || ext === '.ndjson'
        ? () => readJsonLines(file)
        : () => readJsonArray(file, ['results']);
    return { passes: 1, open, map: (value, _pass, ctx) => mapCslRow(value, ctx.countries) };
  }
  if (format === 'policy-kb') {
    // The header line names the format: anything else is refused before writing.
    const open = async function* () {
      let first = true;
      for await (const record of readJsonLines(file)) {
        if (first && (record.value as { type?: unknown } | null)?.type !== 'policy-kb-export') {
          throw new BadInputError(`${file}: line ${record.line}: not a policy-kb export (its first line must be {"type":"policy-kb-export","version":1})`);
        }
        first = false;
        yield record;
      }
    };
    return { passes: 1, open, map: (value) => mapPkbRecord(value) };
  }
  const open = first === '[' ? () => readJsonArray(file, ['entities']) : () => readJsonLines(file);
  return { passes: FTM_PASSES, open, map: (value, pass, ctx) => mapFtmRecord(value, pass, ctx) };
}

class DryRunRollback extends Error {}

function merge(into: Record<string, Counts>, from: Record<string, Counts>): void {
  for (const [table, c] of Object.entries(from)) {
    const t = (into[table] ??= { created: 0, updated: 0, unchanged: 0 });
    t.created += c.created;
    t.updated += c.updated;
    t.unchanged += c.unchanged;
  }
}

/**
 * Imports a file: checks that all of it can be read first (encoding, syntax, header), so an
 * unreadable or wrong-format file stops before anything is written; then maps and writes it
 * in batches, one transaction each, updating the import run record in the same transaction.
 * Rows the mapping refuses, and rows the database refuses, go to the rejects file.
 */
export async function importFile(orm: MikroORM, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 500;
  const progress = options.progress ?? silentProgress;
  const actor = options.actor ?? IMPORT_ACTOR;
  const dryRun = Boolean(options.dryRun);
  const reader = readerFor(options.file, options.format);

  // Pass 0: read everything once without writing; counts the rows for the progress bar.
  let total = 0;
  for await (const _ of reader.open()) total++;

  const summary: ImportSummary = {
    runId: null,
    file: options.file,
    format: options.format,
    dryRun,
    status: 'succeeded',
    rowsRead: total,
    rowsImported: 0,
    rowsRejected: 0,
    rowsSkipped: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    byTable: {},
    rejectsFile: null,
    rejects: [],
    seconds: 0,
  };
  const rejectsPath = options.rejectsFile ?? `${options.file}.rejects.jsonl`;
  let rejectsOut: fs.WriteStream | null = null;
  const reject = (record: InputRecord, reason: string) => {
    summary.rowsRejected++;
    const entry: Reject = { ...(record.line !== undefined ? { line: record.line } : { index: record.index }), reason };
    if (summary.rejects.length < 20) summary.rejects.push(entry);
    if (dryRun) return;
    if (!rejectsOut) {
      rejectsOut = fs.createWriteStream(rejectsPath);
      summary.rejectsFile = rejectsPath;
    }
    rejectsOut.write(`${JSON.stringify({ ...entry, record: record.value })}\n`);
  };

  const ctx = new ImportContext();
  await ctx.load(orm.em.fork());

  let run: ImportRun | null = null;
  if (!dryRun) {
    const em = orm.em.fork();
    run = Object.assign(new ImportRun(), { file: options.file, format: options.format, rowsRead: total });
    await em.persistAndFlush(run);
    summary.runId = run.id;
  }

  const saveRun = async (em: EntityManager, status?: string, error?: string) => {
    if (!run) return;
    const totals = sumCounts(summary.byTable);
    await em.nativeUpdate(ImportRun, { id: run.id }, {
      rowsImported: summary.rowsImported,
      rowsRejected: summary.rowsRejected,
      rowsSkipped: summary.rowsSkipped,
      created: totals.created,
      updated: totals.updated,
      unchanged: totals.unchanged,
      rejectsFile: summary.rejectsFile,
      ...(status ? { status, finishedAt: new Date() } : {}),
      ...(error ? { error } : {}),
    });
  };

  /** Writes one batch; if the database refuses it, each record alone, rejecting the ones it refuses. */
  const refused = (error: unknown) =>
    error instanceof RowRejected ? error.message : `the database refused it: ${(error as Error).message.split('\n')[0].slice(0, 300)}`;
  const writeBatch = async (base: EntityManager, batch: { record: InputRecord; item: ImportItem }[]) => {
    const attempt = async (part: typeof batch) => {
      let writer: BatchWriter | PkbWriter | null = null;
      await base.transactional(async (tx) => {
        writer = options.format === 'policy-kb' ? new PkbWriter(tx, ctx, actor) : new BatchWriter(tx, ctx, actor);
        await writer.write(part.map((b) => b.item));
        summary.rowsImported += part.length;
        const before = JSON.stringify(summary.byTable);
        merge(summary.byTable, writer.counts);
        try {
          await saveRun(tx);
        } catch (error) {
          summary.rowsImported -= part.length;
          summary.byTable = JSON.parse(before) as Record<string, Counts>;
          throw error;
        }
      });
      (writer as BatchWriter | PkbWriter | null)?.commit();
      base.clear();
    };
    try {
      await attempt(batch);
    } catch (batchError) {
      base.clear();
      if (batch.length === 1) {
        reject(batch[0].record, refused(batchError));
        return;
      }
      for (const one of batch) {
        try {
          await attempt([one]);
        } catch (error) {
          base.clear();
          reject(one.record, refused(error));
        }
      }
    }
  };

  /** Rejects the items whose FtM references are not in the database (one query per batch), returns the others. */
  const checkRefs = async (base: EntityManager, batch: { record: InputRecord; item: ImportItem }[]) => {
    const ids = [...new Set(batch.flatMap((b) => (b.item.ftmRefs ?? []).map((r) => r.id)))];
    if (!ids.length) return batch;
    const found = new Set(
      (
        await base.getConnection().execute<{ ftm: string }[]>(
          `select distinct i->>'value' as ftm from entity e cross join jsonb_array_elements(e.identifiers) i
            where e.deleted_at is null and (${ids.map(() => 'e.identifiers @> ?::jsonb').join(' or ')}) and i->>'scheme' = 'ftm'`,
          ids.map((id) => JSON.stringify([{ scheme: 'ftm', value: id }])),
        )
      ).map((r) => r.ftm),
    );
    return batch.filter((b) => {
      const missing = (b.item.ftmRefs ?? []).find((r) => !found.has(r.id));
      if (missing) reject(b.record, missing.reason);
      return !missing;
    });
  };
  const flush = async (base: EntityManager, batch: { record: InputRecord; item: ImportItem }[]) => {
    const good = await checkRefs(base, batch);
    if (good.length) await writeBatch(base, good);
  };

  const runPasses = async (base: EntityManager) => {
    progress.start(total * reader.passes, dryRun ? 'dry run' : 'import');
    let done = 0;
    for (let pass = 1; pass <= reader.passes; pass++) {
      let batch: { record: InputRecord; item: ImportItem }[] = [];
      for await (const record of reader.open()) {
        done++;
        let item: ImportItem | 'skip' | 'later';
        try {
          item = reader.map(record.value, pass, ctx);
        } catch (error) {
          if (!(error instanceof RowRejected)) throw error;
          reject(record, error.message);
          continue;
        }
        if (item === 'later') continue;
        if (item === 'skip') {
          if (pass === reader.passes) summary.rowsSkipped++;
          continue;
        }
        batch.push({ record, item });
        if (batch.length >= batchSize) {
          await flush(base, batch);
          batch = [];
          progress.update(done);
        }
      }
      if (batch.length) await flush(base, batch);
      progress.update(done);
    }
    if (ctx.deferredParents.length) {
      await base.transactional(async (tx) => {
        const writer = new PkbWriter(tx, ctx, actor);
        for (const reason of await writer.linkDeferredParents()) {
          summary.rowsRejected++;
          if (summary.rejects.length < 20) summary.rejects.push({ reason });
        }
        merge(summary.byTable, writer.counts);
        await saveRun(tx);
      });
      base.clear();
    }
    progress.stop();
  };

  try {
    if (dryRun) {
      await orm.em
        .fork()
        .transactional(async (tx) => {
          await runPasses(tx);
          throw new DryRunRollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof DryRunRollback)) throw error;
        });
    } else {
      await runPasses(orm.em.fork());
    }
    await saveRun(orm.em.fork(), 'succeeded');
  } catch (error) {
    progress.stop();
    summary.status = 'failed';
    summary.error = error instanceof Error ? error.message : String(error);
    await saveRun(orm.em.fork(), 'failed', summary.error);
  } finally {
    const out = rejectsOut as fs.WriteStream | null;
    if (out) await new Promise<void>((resolve) => out.end(resolve));
  }
  Object.assign(summary, sumCounts(summary.byTable));
  summary.seconds = (Date.now() - started) / 1000;
  if (!dryRun && summary.rowsImported > 0) await orm.em.getConnection().execute('analyze');
  return summary;
}

/** The summary as the CLI prints it. */
export function formatSummary(s: ImportSummary): string {
  const lines = [
    `${s.dryRun ? 'Dry run (nothing written): would import' : s.status === 'failed' ? 'Import FAILED after importing' : 'Imported'} ${s.rowsImported} of ${s.rowsRead} rows from ${s.file} (${s.format}) in ${s.seconds.toFixed(1)}s` +
      `${s.seconds > 0 ? `, ${Math.round(s.rowsRead / s.seconds)} rows/s` : ''}${s.runId ? `; import run ${s.runId}` : ''}.`,
    `${s.dryRun ? 'Would create' : 'Created'} ${s.created}, ${s.dryRun ? 'would update' : 'updated'} ${s.updated}, unchanged ${s.unchanged} records; ${s.rowsRejected} rejected, ${s.rowsSkipped} skipped.`,
  ];
  const tables = Object.entries(s.byTable).filter(([, c]) => c.created || c.updated || c.unchanged);
  if (tables.length) lines.push(`  by table: ${tables.map(([t, c]) => `${t} +${c.created} ~${c.updated} =${c.unchanged}`).join(', ')}`);
  for (const r of s.rejects.slice(0, 10)) lines.push(`  rejected ${describePosition(r)}: ${r.reason}`);
  if (s.rowsRejected > 10) lines.push(`  ... ${s.rowsRejected - 10} more`);
  if (s.rejectsFile) lines.push(`Rejected rows (with line numbers and reasons) are in ${s.rejectsFile}.`);
  if (s.error) lines.push(`Error: ${s.error}`);
  return lines.join('\n');
}
