/** What the commands read besides their main file: the agency profile; and the error for unusable input. */
import { promises as fs } from 'node:fs';
import { parseAgencyProfile } from '../domain/agency';
import type { AgencyProfile } from '../domain/check/types';

/** Input the command cannot use: reported as one line in Thai and English, exit 2. */
export class Unusable extends Error {
  constructor(readonly th: string, readonly en: string) {
    super(en);
  }
}

/** The `--agency` JSON file, or a clear Unusable error naming the file and the problem. */
export async function readAgency(file: string | undefined): Promise<AgencyProfile | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new Unusable(`อ่านไฟล์ข้อมูลหน่วยงาน ${file} ไม่ได้`, `Cannot read the agency file ${file}`);
  }
  const p = parseAgencyProfile(text);
  if (!p.ok) throw new Unusable(`${file}: ${p.problem.th}`, `${file}: ${p.problem.en}`);
  return p.value;
}
