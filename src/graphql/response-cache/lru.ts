/**
 * Least-recently-used strings bounded by their total size, each with an expiry time. A Map
 * keeps insertion order, so re-inserting on read makes its first key the least recently used.
 */
export class ByteLru {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string, now = Date.now()): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= now) {
      this.bytes -= size(entry.value);
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: string, expiresAt: number): void {
    // A value larger than a quarter of the budget would evict most of the cache for one answer.
    if (size(value) > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= size(old.value);
    }
    this.entries.set(key, { value, expiresAt });
    this.bytes += size(value);
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= size(entry.value);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}

/** JavaScript strings are UTF-16: two bytes a code unit, plus the key and map overhead ignored. */
function size(value: string): number {
  return value.length * 2;
}
