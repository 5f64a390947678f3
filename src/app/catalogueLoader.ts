/**
 * Reads a catalogue file's text (the command line's --catalogue FILE, or the copy the pane keeps
 * in the workbook): JSON, checked against the catalogue JSON Schema with ajv, then merged into the
 * built-in catalogue. Every problem is one line naming the key at fault.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { catalogue as builtIn } from '../domain/templates';
import type { Catalogue } from '../domain/templates/types';
import { applyCatalogueFile, CATALOGUE_SCHEMA, CatalogueFileError, type AppliedCatalogue, type CatalogueFile } from '../domain/catalogue/catalogueFile';

export { CatalogueFileError };

let validator: ReturnType<Ajv['compile']> | undefined;

/** "/editions/0/items/2/window" → "editions[0].items[2].window" */
function keyPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra) parts.push(extra);
  let out = '';
  for (const p of parts) out += /^[0-9]+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || '(ทั้งไฟล์)';
}

function describe(e: ErrorObject): CatalogueFileError {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return new CatalogueFileError(keyPath(e.instancePath, String(p.additionalProperty)), 'ไม่รู้จักคีย์นี้', 'unknown key');
    case 'required':
      return new CatalogueFileError(keyPath(e.instancePath, String(p.missingProperty)), 'ต้องมีคีย์นี้', 'missing required key');
    case 'enum':
      return new CatalogueFileError(keyPath(e.instancePath), `ต้องเป็นค่าใดค่าหนึ่งของ ${(p.allowedValues as unknown[]).join(', ')}`, `must be one of ${(p.allowedValues as unknown[]).join(', ')}`);
    case 'const':
      return new CatalogueFileError(keyPath(e.instancePath), `ต้องเป็น ${JSON.stringify(p.allowedValue)}`, `must be ${JSON.stringify(p.allowedValue)}`);
    case 'pattern':
      return new CatalogueFileError(keyPath(e.instancePath), `รูปแบบไม่ถูกต้อง (ต้องตรงกับ ${String(p.pattern)})`, `does not match ${String(p.pattern)}`);
    case 'type':
      return new CatalogueFileError(keyPath(e.instancePath), `ต้องเป็นชนิด ${String(p.type)}`, `must be ${String(p.type)}`);
    default:
      return new CatalogueFileError(keyPath(e.instancePath), e.message ?? e.keyword, e.message ?? e.keyword);
  }
}

/** Parses and validates a catalogue file's text; throws CatalogueFileError naming the key at fault. */
export function parseCatalogueFile(text: string): CatalogueFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CatalogueFileError('(JSON)', `ไม่ใช่ JSON ที่ถูกต้อง: ${(e as Error).message}`, `not valid JSON: ${(e as Error).message}`);
  }
  validator ??= new Ajv({ allErrors: false, strict: true }).compile(CATALOGUE_SCHEMA);
  if (!validator(data)) throw describe((validator.errors ?? [])[0]);
  return data as CatalogueFile;
}

/** The built-in catalogue with a catalogue file's editions merged in. */
export function loadCatalogue(text: string, base: Catalogue = builtIn): AppliedCatalogue {
  return applyCatalogueFile(base, parseCatalogueFile(text));
}
