/**
 * npm run gen:data -- --entities 1m [--database-url URL] [--seed N] [--fresh]
 *
 * Generates a realistic synthetic dataset (see docs/data-generator.md) and prints what it wrote.
 */
import { generateData, GenerateReport, MIN_ENTITIES } from './generate';

const USAGE = `Usage: npm run gen:data -- --entities N [--database-url URL] [--seed N] [--fresh]

  --entities N        how many synthetic entities (required); 10k, 2.5m style suffixes accepted.
                      Actions are N/5, participations about 3N, relations about 0.3N.
  --database-url URL  target database, created when missing
                      (default: $DATABASE_URL, else postgres://postgres@127.0.0.1:5432/policy_kb_gen_<N>)
  --seed N            seed of the pseudo-random generator (default 1); same seed, same data
  --fresh             drop and recreate the database first (only one gen:data created, or one without tables)
  --help              this text`;

export class UsageError extends Error {}

export interface CliOptions {
  entities: number;
  databaseUrl: string;
  seed: number;
  fresh: boolean;
}

/** "10k" -> 10000, "1m" -> 1000000, "2.5M" -> 2500000, "1_000" -> 1000; NaN when not a count. */
export function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.replace(/_/g, ''));
  if (!m) return Number.NaN;
  const value = Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1);
  return Number.isSafeInteger(Math.round(value)) && Math.abs(value - Math.round(value)) < 1e-9 ? Math.round(value) : Number.NaN;
}

/** 10000 -> "10k", 1000000 -> "1m", 2500 -> "2500". */
export function countLabel(n: number): string {
  if (n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions | 'help' {
  let entities: number | undefined;
  let databaseUrl: string | undefined;
  let seed = 1;
  let fresh = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--entities': {
        const text = value();
        const n = parseCount(text);
        if (!Number.isFinite(n) || n < MIN_ENTITIES) throw new UsageError(`--entities must be a whole number of at least ${MIN_ENTITIES} (10k, 1m... accepted), not "${text}"`);
        entities = n;
        break;
      }
      case '--database-url': {
        const text = value();
        try {
          const u = new URL(text);
          if (!/^postgres(ql)?:$/.test(u.protocol)) throw new Error('not postgres');
        } catch {
          throw new UsageError(`--database-url must be a postgres:// URL, not "${text}"`);
        }
        databaseUrl = text;
        break;
      }
      case '--seed': {
        const text = value();
        if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--seed must be a whole number, not "${text}"`);
        seed = Number(text);
        break;
      }
      case '--fresh':
        if (inline !== undefined) throw new UsageError('--fresh takes no value');
        fresh = true;
        break;
      case '--help':
      case '-h':
        return 'help';
      default:
        throw new UsageError(`unknown ${arg.startsWith('-') ? 'flag' : 'argument'} ${flag}`);
    }
  }
  if (entities === undefined) throw new UsageError('--entities is required');
  return {
    entities,
    seed,
    fresh,
    databaseUrl: databaseUrl ?? env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/policy_kb_gen_${countLabel(entities)}`,
  };
}

export function formatReport(report: GenerateReport): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const width = Math.max(...report.phases.map((p) => p.name.length));
  return [
    `database       ${report.database}`,
    `entities       ${count(report.entities)}`,
    `actions        ${count(report.actions)}`,
    `participations ${count(report.participations)}`,
    `relations      ${count(report.relations)}`,
    `sources        ${count(report.sources)}`,
    `total          ${report.seconds.toFixed(1)} s`,
    'phases:',
    ...report.phases.map((p) => `  ${p.name.padEnd(width)}  ${p.seconds.toFixed(1).padStart(7)} s`),
  ].join('\n');
}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`gen:data: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const report = await generateData({ ...options, log: (message) => console.error(`[gen:data] ${message}`) });
  console.log(formatReport(report));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`gen:data failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
