import { describe, expect, it } from 'vitest';
import { medianPasses } from '../bench/compare/rounds';
import type { Cell } from '../bench/compare/report';

const ok = (reqPerSec: number, target: Cell['target'] = 'policy-kb'): Cell => ({ op: 'entityPage', target, status: 'ok', reqPerSec, p99Ms: reqPerSec / 10 });

describe('the benchmark rounds (npm run bench -- --rounds N)', () => {
  it('reports each cell as its median pass, with every pass listed', () => {
    const [cell] = medianPasses([[ok(700)], [ok(900)], [ok(500)]]);
    expect(cell).toMatchObject({ reqPerSec: 700, p99Ms: 70, rounds: [700, 900, 500] });
    expect(medianPasses([[ok(700)], [ok(900)]])[0].reqPerSec).toBe(700); // the lower middle of an even count
  });

  it('keeps one pass as it is, and reports a cell that failed in any pass as failed', () => {
    const single = [ok(800)];
    expect(medianPasses([single])).toBe(single);
    const failed: Cell = { op: 'entityPage', target: 'policy-kb', status: 'failed', error: 'the server is gone' };
    expect(medianPasses([[ok(800)], [failed], [ok(900)]])[0]).toBe(failed);
  });

  it('matches cells by operation and target, whatever their order in a pass', () => {
    const cells = medianPasses([
      [ok(100, 'raw'), ok(10, 'postgraphile')],
      [ok(30, 'postgraphile'), ok(300, 'raw')],
      [ok(200, 'raw'), ok(20, 'postgraphile')],
    ]);
    expect(cells.map((c) => [c.target, c.reqPerSec])).toEqual([
      ['raw', 200],
      ['postgraphile', 20],
    ]);
  });
});
