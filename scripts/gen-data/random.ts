/**
 * A small, fast, seeded pseudo-random generator (sfc32, seeded through splitmix32) and the
 * distributions the data generator needs. Never Math.random: the same seed must give the same
 * database.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` separates independent sequences drawn from one seed (one per generation phase). */
  constructor(seed: number, stream = 0) {
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** exp(N(mu, sigma)), rounded, clamped to [min, max]. */
  logNormalInt(mu: number, sigma: number, min: number, max: number): number {
    const x = Math.round(Math.exp(mu + sigma * this.normal()));
    return Math.max(min, Math.min(max, x));
  }

  /** `count` distinct indexes of [0, n), in random order (partial Fisher-Yates over a scratch array). */
  sampleIndexes(n: number, count: number, scratch: Int32Array): Int32Array {
    const k = Math.min(n, count);
    for (let i = 0; i < n; i++) scratch[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (n - i));
      const t = scratch[i];
      scratch[i] = scratch[j];
      scratch[j] = t;
    }
    return scratch.subarray(0, k);
  }
}

/** Picks items by fixed weights in O(log n): a cumulative table and a binary search. */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length !== weights.length || items.length === 0) throw new Error('WeightedPicker: items and weights must be non-empty and of equal length');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error('WeightedPicker: weights sum to zero');
    this.total = sum;
  }

  /** From [item, weight] pairs. */
  static of<T>(pairs: readonly (readonly [T, number])[]): WeightedPicker<T> {
    return new WeightedPicker(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  index(random: Random): number {
    const x = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(random: Random): T {
    return this.items[this.index(random)];
  }
}
