/** The --catalogue FILE option of the commands: a catalogue file read, checked and merged, or one clear line. */
import { promises as fs } from 'node:fs';
import { Unusable } from './inputs';
import { CatalogueFileError, loadCatalogue } from '../app/catalogueLoader';
import type { Catalogue } from '../domain/templates/types';

export interface LoadedCatalogue {
  readonly catalogue: Catalogue;
  readonly changes: readonly string[];
  readonly text: string;
}

/** --catalogue FILE: the built-in catalogue with the file's editions; a broken file is one line naming the key. */
export async function catalogueFlag(file: string | undefined): Promise<LoadedCatalogue | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new Unusable(`อ่านไฟล์แค็ตตาล็อก ${file} ไม่ได้`, `Cannot read the catalogue file ${file}`);
  }
  return { ...catalogueText(text, file), text };
}

export function catalogueText(text: string, file: string): { catalogue: Catalogue; changes: readonly string[] } {
  try {
    return loadCatalogue(text);
  } catch (e) {
    if (e instanceof CatalogueFileError) throw new Unusable(`แค็ตตาล็อก ${file}: ${e.at}: ${e.th}`, `catalogue ${file}: ${e.at}: ${e.en}`);
    throw e;
  }
}

