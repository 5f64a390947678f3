/**
 * Reports and fixed copies (`check --report`, `fix --out`): written to a temporary file beside the
 * target and renamed (linked) when complete, like src/xlsx/atomicWrite.ts, and never over an
 * existing file unless `force` (the officer's explicit yes) — not even one that appeared while the
 * report was being computed: link() refuses an existing target.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Unusable } from './inputs';

class FileExists extends Unusable {}

export function fileExistsError(target: string): FileExists {
  return new FileExists(`มีไฟล์ ${target} อยู่แล้ว: ไม่เขียนทับ (ใช้ --force ถ้าต้องการแทนที่)`, `${target} already exists: not overwritten (use --force to replace it)`);
}

/**
 * `data` is the content, or a function that writes the content into the temporary file it is given
 * (a streaming writer: a large report never sits whole in memory).
 */
export async function writeFileSafely(target: string, data: string | Uint8Array | ((tmp: string) => Promise<void>), opts: { force: boolean }): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (typeof data === 'function') {
      await (await fs.open(tmp, 'wx')).close();
      await data(tmp);
    }
    const fh = await fs.open(tmp, typeof data === 'function' ? 'r+' : 'wx');
    try {
      if (typeof data !== 'function') await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.force) {
      await fs.rename(tmp, target);
    } else {
      // link() fails if the target exists: no window in which another file could be replaced.
      try {
        await fs.link(tmp, target);
        await fs.unlink(tmp);
      } catch (e) {
        // Shares and FAT drives without hard links: check, then rename.
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
        if (await fs.stat(target).then(() => true, () => false)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        await fs.rename(tmp, target);
      }
    }
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw fileExistsError(target);
    throw new Unusable(`เขียนไฟล์ ${target} ไม่ได้ (${code ?? (e as Error).message})`, `Cannot write ${target} (${code ?? (e as Error).message})`);
  }
}
