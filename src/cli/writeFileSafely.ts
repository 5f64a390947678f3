/**
 * Reports and fixed copies (`check --report`, `fix --out`): written atomically (src/xlsx/atomicWrite.ts)
 * and never over an existing file unless `force` (the officer's explicit yes) — not even one that
 * appeared while the report was being computed.
 */
import type { Writable } from 'node:stream';
import { writeFileAtomic } from '../xlsx/atomicWrite';
import { Unusable } from './inputs';

class FileExists extends Unusable {}

export function fileExistsError(target: string): FileExists {
  return new FileExists(`มีไฟล์ ${target} อยู่แล้ว: ไม่เขียนทับ (ใช้ --force ถ้าต้องการแทนที่)`, `${target} already exists: not overwritten (use --force to replace it)`);
}

/**
 * `data` is the content, or a function that streams the content into the stream it is given (a
 * streaming writer: a large report never sits whole in memory).
 */
export async function writeFileSafely(target: string, data: string | Uint8Array | ((out: Writable) => Promise<void>), opts: { force: boolean }): Promise<void> {
  const produce = typeof data === 'function'
    ? data
    : (out: Writable) => new Promise<void>((resolve, reject) => out.write(data, (e) => (e ? reject(e) : resolve())));
  try {
    await writeFileAtomic(target, produce, { replace: opts.force });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw fileExistsError(target);
    throw new Unusable(`เขียนไฟล์ ${target} ไม่ได้ (${code ?? (e as Error).message})`, `Cannot write ${target} (${code ?? (e as Error).message})`);
  }
}
