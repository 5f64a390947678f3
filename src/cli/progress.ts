/**
 * Progress of `check` over many files. On a terminal: one bar redrawn in place (files done, errors
 * so far, time left). Elsewhere (a log, a pipe, CI): one plain line per file, nothing redrawn.
 */

export interface ProgressSink {
  readonly isTTY: boolean;
  /** Terminal width, when known. */
  readonly columns?: number;
  write(s: string): void;
}

export interface FileDone {
  readonly file: string;
  readonly errors: number;
  readonly warnings: number;
  readonly unusable: boolean;
}

/** "1 ชม. 5 นาที", "3 นาที 20 วินาที", "12 วินาที". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} ชม. ${m} นาที`;
  if (m > 0) return `${m} นาที ${sec} วินาที`;
  return `${sec} วินาที`;
}

const BAR = 24;
/** Redraws at most this often: a thousand small files would otherwise flood the terminal. */
const REDRAW_MS = 100;

export class Progress {
  private done = 0;
  private errors = 0;
  private unusable = 0;
  private readonly started: number;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly sink: ProgressSink,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.started = now();
  }

  /** The bar or line as it reads now (exposed for tests). */
  line(): string {
    const parts = [`${this.done}/${this.total} ไฟล์`, `ข้อผิดพลาด ${this.errors}`];
    if (this.unusable) parts.push(`อ่านไม่ได้ ${this.unusable}`);
    const elapsed = this.now() - this.started;
    if (this.done > 0 && this.done < this.total) {
      parts.push(`เหลืออีกประมาณ ${formatDuration((elapsed / this.done) * (this.total - this.done))}`);
    } else if (this.done === this.total) {
      parts.push(`ใช้เวลา ${formatDuration(elapsed)}`);
    }
    const filled = this.total === 0 ? BAR : Math.round((this.done / this.total) * BAR);
    return `[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ${parts.join(' · ')}`;
  }

  fileDone(f: FileDone): void {
    this.done++;
    this.errors += f.errors;
    if (f.unusable) this.unusable++;
    if (!this.sink.isTTY) {
      const what = f.unusable ? 'อ่านไม่ได้' : `ข้อผิดพลาด ${f.errors}, คำเตือน ${f.warnings}`;
      this.sink.write(`ตรวจแล้ว ${this.done}/${this.total}: ${f.file} — ${what} (ข้อผิดพลาดรวม ${this.errors})\n`);
      return;
    }
    const t = this.now();
    if (this.done < this.total && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.draw();
  }

  private draw(): void {
    let text = this.line();
    const width = this.sink.columns;
    if (width && text.length > width - 1) text = text.slice(0, width - 1);
    this.sink.write(`\r\x1b[2K${text}`);
    this.drawn = true;
  }

  /** Leaves the terminal clean for the results: the bar's last state stays on its own line. */
  finish(): void {
    if (this.sink.isTTY && this.drawn) {
      this.draw();
      this.sink.write('\n');
    }
  }
}

/** The process's stderr: a bar when it is a terminal, plain lines otherwise. */
export const stderrSink: ProgressSink = {
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
  get columns() {
    return process.stderr.columns;
  },
  write: (s) => void process.stderr.write(s),
};
