/**
 * Where a command may write, decided before it does any work: every output's folder exists and
 * takes files; no output is one of the inputs (however it is named: a symlink, a hard link, another
 * letter case on a case-insensitive disk) or another output; and no existing file is replaced
 * without --force. Each refusal is one line naming the file and what to do.
 */
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Unusable } from './inputs';

export interface NamedFile {
  /** How the command line named it: `--out`, `--into`, `ต้นทาง/source`. */
  readonly role: string;
  readonly file: string;
}

/** The file to write, as the checks resolved it: an existing symlink is written through to its target. */
export interface CheckedOutput extends NamedFile {
  readonly writePath: string;
  readonly exists: boolean;
}

async function statOrNull(file: string, follow = true): Promise<Stats | null> {
  try {
    return follow ? await fs.stat(file) : await fs.lstat(file);
  } catch {
    return null;
  }
}

interface FolderFacts {
  readonly real: string;
  readonly caseInsensitive: boolean;
}

/** The output's folder exists and takes a new file; and whether it tells names apart by case. */
async function checkFolder(out: NamedFile, cache: Map<string, FolderFacts>): Promise<FolderFacts> {
  const dir = path.dirname(path.resolve(out.file));
  const known = cache.get(dir);
  if (known) return known;
  const st = await statOrNull(dir);
  if (!st) throw new Unusable(`ไม่มีโฟลเดอร์ ${dir} สำหรับ ${out.role} ${out.file}: สร้างโฟลเดอร์ก่อน หรือเลือกที่อื่น`, `${out.role} ${out.file}: folder ${dir} does not exist`);
  if (!st.isDirectory()) throw new Unusable(`${dir} ไม่ใช่โฟลเดอร์ (${out.role} ${out.file})`, `${out.role} ${out.file}: ${dir} is not a folder`);
  // A probe file says more than access(): read-only mounts, Windows ACLs, a full disk's quota.
  const probe = path.join(dir, `.ita-forms-probe-${randomBytes(4).toString('hex')}`);
  let caseInsensitive: boolean;
  try {
    await (await fs.open(probe, 'wx')).close();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new Unusable(`เขียนไฟล์ลงโฟลเดอร์ ${dir} ไม่ได้ (${code}) จึงยังไม่ได้เริ่มทำงาน: เลือกโฟลเดอร์อื่นสำหรับ ${out.role}`, `cannot write into ${dir} (${code}); nothing was done: choose another folder for ${out.role}`);
  }
  try {
    caseInsensitive = (await statOrNull(path.join(dir, path.basename(probe).toUpperCase()))) !== null;
  } finally {
    await fs.rm(probe, { force: true });
  }
  const facts = { real: await fs.realpath(dir), caseInsensitive };
  cache.set(dir, facts);
  return facts;
}

/** What makes two names the same file: device and inode, else the real path (case-folded where the disk ignores case). */
interface Identity {
  readonly inode?: string;
  readonly real: string;
}

function sameFile(a: Identity, b: Identity): boolean {
  if (a.inode !== undefined && a.inode === b.inode) return true;
  return a.real === b.real;
}

async function identityOf(file: string, folders: Map<string, FolderFacts>): Promise<Identity> {
  const abs = path.resolve(file);
  const st = await statOrNull(abs);
  // Inode 0: a file system without inodes; the real path decides.
  const inode = st && st.ino !== 0 ? `${st.dev}:${st.ino}` : undefined;
  let real: string;
  try {
    real = await fs.realpath(abs);
  } catch {
    const dir = folders.get(path.dirname(abs));
    real = path.join(dir?.real ?? path.dirname(abs), path.basename(abs));
  }
  const folded = folders.get(path.dirname(abs))?.caseInsensitive ?? (process.platform === 'win32' || process.platform === 'darwin');
  return { inode, real: folded ? real.toLowerCase() : real };
}

/**
 * Checks the outputs against the inputs and the disk before any work. Throws Unusable (exit 2)
 * with one line. Inputs that do not exist are left to the command's own message.
 */
export async function checkOutputs(outputs: readonly NamedFile[], inputs: readonly NamedFile[], force: boolean): Promise<CheckedOutput[]> {
  const folders = new Map<string, FolderFacts>();
  for (const o of outputs) await checkFolder(o, folders);
  const inputIds: { file: NamedFile; id: Identity }[] = [];
  for (const i of inputs) if (await statOrNull(i.file)) inputIds.push({ file: i, id: await identityOf(i.file, folders) });
  const checked: CheckedOutput[] = [];
  const outputIds: { file: NamedFile; id: Identity }[] = [];
  for (const o of outputs) {
    const id = await identityOf(o.file, folders);
    const input = inputIds.find((i) => sameFile(i.id, id));
    if (input) {
      throw new Unusable(
        `${o.role} ${o.file} คือไฟล์เดียวกับ ${input.file.role} ${input.file.file}: ไฟล์ต้นฉบับจะไม่ถูกเขียนทับ ให้ตั้งชื่อไฟล์ผลลัพธ์ใหม่`,
        `${o.role} ${o.file} is the same file as ${input.file.role} ${input.file.file}; the original is never overwritten: name a new output file`,
      );
    }
    const other = outputIds.find((x) => sameFile(x.id, id));
    if (other) {
      throw new Unusable(`${o.role} กับ ${other.file.role} เป็นไฟล์เดียวกัน (${o.file}): ตั้งชื่อให้ต่างกัน`, `${o.role} and ${other.file.role} are the same file (${o.file}): give them different names`);
    }
    outputIds.push({ file: o, id });
    const link = await statOrNull(o.file, false);
    const target = await statOrNull(o.file);
    if (link && target?.isDirectory()) throw new Unusable(`${o.role} ${o.file} เป็นโฟลเดอร์ ไม่ใช่ไฟล์`, `${o.role} ${o.file} is a folder, not a file`);
    if (link && !force) {
      throw new Unusable(
        `มีไฟล์ ${o.file} อยู่แล้ว จึงไม่เขียนทับ: ใช้ชื่อไฟล์ใหม่ หรือเพิ่ม --force ถ้าต้องการแทนที่ไฟล์เดิม`,
        `${o.file} already exists and was not overwritten: choose a new name, or add --force to replace it`,
      );
    }
    // An existing link is followed, so --force replaces the file it points to, not the link.
    const writePath = link && target ? await fs.realpath(o.file) : path.resolve(o.file);
    checked.push({ ...o, writePath, exists: link !== null });
  }
  return checked;
}
