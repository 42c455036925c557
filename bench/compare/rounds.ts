import type { Cell } from './report';

/**
 * One cell per operation and target out of several load passes: the pass with the median req/s
 * (the lower of the two middle ones for an even count), with every pass's req/s in `rounds`. A
 * cell that failed in any pass is reported failed.
 */
export function medianPasses(passes: Cell[][]): Cell[] {
  if (passes.length === 1) return passes[0];
  return passes[0].map((first) => {
    const same = passes.map((cells) => cells.find((c) => c.op === first.op && c.target === first.target)).filter((c): c is Cell => c !== undefined);
    const failed = same.find((c) => c.status === 'failed');
    if (failed) return failed;
    if (first.status !== 'ok') return first;
    const byRate = [...same].sort((a, b) => (a.reqPerSec ?? 0) - (b.reqPerSec ?? 0));
    return { ...byRate[Math.floor((byRate.length - 1) / 2)], rounds: same.map((c) => c.reqPerSec ?? 0) };
  });
}
