/**
 * Files written whole or not at all: the bytes go to a temporary file in the target's folder, which
 * is flushed to disk and then renamed over the target. A crash, Ctrl+C or a power cut while writing
 * leaves the previous file as it was. The temporary file is removed when writing fails and when the
 * process is interrupted (SIGINT, SIGTERM, SIGHUP); one left by a killed process (SIGKILL, power
 * cut) is removed by the next write to the same target.
 *
 * Every file the command line writes goes through here. (Node only: the task pane writes cells,
 * not files.)
 */
import { closeSync, createWriteStream, fsyncSync, openSync, promises as fs, unlinkSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

const SUFFIX = '.ita-forms.tmp';

/** Temporary files being written now, removed if the process is interrupted. */
const pending = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
  unlisten();
  // Die of the same signal, as the process would have without us (exit status 128 + n).
  process.kill(process.pid, signal);
}

function listen(): void {
  if (pending.size === 1) for (const s of SIGNALS) process.on(s, onSignal);
}

function unlisten(): void {
  if (pending.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** `.o16.xlsx.<pid>-<random>.ita-forms.tmp`: hidden, next to the target, naming the writer. */
function tempNameFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}${SUFFIX}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of earlier writes to `target` whose process is gone (killed outright). */
async function removeStaleTemps(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix) || !n.endsWith(SUFFIX)) continue;
    const m = /^(\d+)-[0-9a-f]+$/.exec(n.slice(prefix.length, -SUFFIX.length));
    if (!m || alive(Number(m[1]))) continue;
    await fs.rm(path.join(dir, n), { force: true });
  }
}

/**
 * Writes `target` atomically: `produce` writes the whole content to the stream it is given (and
 * resolves when it has written everything). Rejects, with the target untouched, if anything fails.
 */
export async function writeFileAtomic(target: string, produce: (out: Writable) => Promise<void>, opts: { replace?: boolean } = {}): Promise<void> {
  await removeStaleTemps(target);
  const tmp = tempNameFor(target);
  pending.add(tmp);
  listen();
  try {
    // 'wx': a new file, never one that happens to be there.
    const stream = createWriteStream(tmp, { flags: 'wx' });
    await new Promise<void>((resolve, reject) => {
      let failed: unknown;
      stream.once('error', (e) => {
        failed ??= e;
      });
      // Settled on 'close' only: a stream destroyed while its file is still being opened creates
      // the file after destroy() returns, and the temporary file must be gone when we remove it.
      stream.once('close', () => (failed === undefined ? resolve() : reject(failed)));
      produce(stream).then(() => stream.end(), (e) => {
        failed = e;
        stream.destroy();
      });
    });
    await flush(tmp);
    if (opts.replace === false) await linkNew(tmp, target);
    else await fs.rename(tmp, target);
    pending.delete(tmp);
    syncFolder(path.dirname(target));
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    pending.delete(tmp);
    unlisten();
  }
}

/**
 * The complete file becomes `target` only if no file is there: link() refuses an existing target,
 * so not even a file that appeared while the content was being computed is replaced (EEXIST).
 */
async function linkNew(tmp: string, target: string): Promise<void> {
  try {
    await fs.link(tmp, target);
    await fs.unlink(tmp);
  } catch (e) {
    // Shares and FAT drives without hard links: check, then rename.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    if (await fs.stat(target).then(() => true, () => false)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    await fs.rename(tmp, target);
  }
}

/** The written bytes on the disk before the rename makes them the target. */
async function flush(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The rename itself survives a power cut once the folder is flushed (not possible on Windows). */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse to sync a folder; the file itself is already on disk.
  }
}

// Light compression: a third faster to write than the default, for a file a few percent larger.
const XLSX_WRITE_OPTIONS: Partial<ExcelJS.XlsxWriteOptions> = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } };

/** An exceljs workbook written atomically as .xlsx. */
export function writeWorkbookAtomic(wb: ExcelJS.Workbook, target: string, options: Partial<ExcelJS.XlsxWriteOptions> = XLSX_WRITE_OPTIONS): Promise<void> {
  return writeFileAtomic(target, async (out) => {
    await wb.xlsx.write(out, options);
  });
}
