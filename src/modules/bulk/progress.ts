import { SingleBar } from 'cli-progress';

/** Reports how far an import or export is: a bar on a terminal, log lines otherwise. */
export interface Progress {
  start(total: number | null, label: string): void;
  update(done: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, update() {}, stop() {} };

function rate(done: number, startedAt: number): number {
  const seconds = (Date.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(done / seconds) : 0;
}

/** A cli-progress bar on stderr with rows/s and ETA. */
export class BarProgress implements Progress {
  private bar: SingleBar | null = null;
  private startedAt = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  start(total: number | null, label: string): void {
    this.startedAt = Date.now();
    this.bar = new SingleBar({
      stream: this.stream,
      format: total === null ? `${label} {value} rows | {rate} rows/s | {duration_formatted}` : `${label} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    });
    this.bar.start(total ?? 0, 0, { rate: 0 });
  }

  update(done: number): void {
    this.bar?.update(done, { rate: rate(done, this.startedAt) });
  }

  stop(): void {
    this.bar?.stop();
  }
}

/** A log line every few seconds (for pipes, CI and log files). */
export class LogProgress implements Progress {
  private startedAt = 0;
  private lastAt = 0;
  private total: number | null = null;
  private label = '';
  private done = 0;

  constructor(
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
    private readonly everyMs = 2000,
  ) {}

  start(total: number | null, label: string): void {
    this.startedAt = this.lastAt = Date.now();
    this.total = total;
    this.label = label;
    this.write(`${label}: ${total === null ? 'started' : `${total} rows to process`}`);
  }

  private line(): string {
    const r = rate(this.done, this.startedAt);
    const eta = this.total !== null && r > 0 ? `, ETA ${Math.ceil((this.total - this.done) / r)}s` : '';
    return `${this.label}: ${this.done}${this.total !== null ? `/${this.total}` : ''} rows (${r} rows/s${eta})`;
  }

  update(done: number): void {
    this.done = done;
    if (Date.now() - this.lastAt >= this.everyMs) {
      this.lastAt = Date.now();
      this.write(this.line());
    }
  }

  stop(): void {
    this.write(this.line());
  }
}

/** The bar on a terminal, log lines otherwise. */
export function defaultProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? new BarProgress(stream) : new LogProgress();
}
