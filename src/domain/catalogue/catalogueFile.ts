/**
 * A catalogue file: an edition added or corrected as data (ITA 2570 before any release), shared by
 * a province with its agencies. Its shape is the JSON Schema below; `applyCatalogueFile` merges a
 * validated file into the built-in catalogue and says what it changed. Pure: reading the file and
 * running the schema validator belong to the faces (src/app/catalogueLoader.ts).
 */
import type { Catalogue, ColumnWording, DateWindow, EditionDef, TemplateDef } from '../templates/types';
import type { OptionList } from '../values/options';
import type { ResultBand } from '../templates/itaIndicators';

interface CatalogueFileItem {
  /** Template id (`ita-forms templates`), e.g. "procurement-monthly". */
  readonly template: string;
  /** The item number in this edition, e.g. "o11". */
  readonly item: string;
  readonly title: string;
  readonly window: DateWindow;
  readonly sheetName?: string;
  /** Field key → the header as this edition words it, for this edition only (the former wording stays recognised). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Field key → more wordings to recognise in this edition's sheets. */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  readonly maxRows?: number;
}

interface CatalogueFileEdition {
  /** BE year of the assessment, e.g. "2570". */
  readonly edition: string;
  /** Where this edition's data comes from. */
  readonly source: string;
  readonly items?: readonly CatalogueFileItem[];
  /** The OIT checklist of the edition (o1…), each item once. */
  readonly oit?: readonly { readonly no: string; readonly name: string; readonly components?: readonly string[] }[];
  /** How the overall result is worded (highest band first). */
  readonly results?: readonly ResultBand[];
}

export interface CatalogueFile {
  readonly catalogue: 1;
  readonly source?: string;
  readonly editions?: readonly CatalogueFileEdition[];
  /** Option list id → its values (replaces the list's values; former values stay as legacy). */
  readonly optionLists?: Readonly<Record<string, readonly string[]>>;
}

const DATE_WINDOWS: readonly DateWindow[] = ['firstHalf', 'fiscalYear', 'previousFiscalYear'];

/** The JSON Schema (draft-07) of a catalogue file. */
export const CATALOGUE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['catalogue'],
  properties: {
    $schema: { type: 'string' },
    catalogue: { const: 1 },
    source: { type: 'string', minLength: 1 },
    editions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['edition', 'source'],
        properties: {
          edition: { type: 'string', pattern: '^25[0-9]{2}$' },
          source: { type: 'string', minLength: 1 },
          items: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['template', 'item', 'title', 'window'],
              properties: {
                template: { type: 'string', minLength: 1 },
                item: { type: 'string', pattern: '^(o[0-9]{1,2}|ita|oit)$' },
                title: { type: 'string', minLength: 1 },
                window: { enum: DATE_WINDOWS },
                sheetName: { type: 'string', minLength: 1, maxLength: 31, pattern: '^[^\\[\\]:*?/\\\\]+$' },
                headers: { type: 'object', description: "Field key → this edition's header (this edition only)", additionalProperties: { type: 'string', minLength: 1 } },
                aliases: { type: 'object', description: "Field key → more wordings of this edition's sheets (this edition only)", additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } } },
                maxRows: { type: 'integer', minimum: 1 },
              },
            },
          },
          oit: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['no', 'name'],
              properties: {
                no: { type: 'string', pattern: '^o[0-9]{1,2}$' },
                name: { type: 'string', minLength: 1 },
                components: { type: 'array', items: { type: 'string', minLength: 1 } },
              },
            },
          },
          results: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['label', 'min'],
              properties: {
                label: { type: 'string', minLength: 1 },
                min: { type: 'number', minimum: 0, maximum: 100 },
                toolMin: { type: 'number', minimum: 0, maximum: 100 },
              },
            },
          },
        },
      },
    },
    optionLists: { type: 'object', additionalProperties: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
  },
} as const;

/** A catalogue file's problem: where (a JSON path such as editions[0].items[2].template) and what. */
export class CatalogueFileError extends Error {
  constructor(readonly at: string, readonly th: string, readonly en: string) {
    super(`${at}: ${en}`);
  }
}

export interface AppliedCatalogue {
  readonly catalogue: Catalogue;
  /** One line per change, in Thai, for `ita-forms templates --catalogue`. */
  readonly changes: readonly string[];
}

/**
 * The item's header wordings, for its edition only (EditionDef.wording): an ITA 2570 header leaves
 * how a 2569 sheet is recognised and checked as it was. Merged over what that same edition already
 * words (a file correcting an edition keeps its other wordings).
 */
function wordingOf(t: TemplateDef, item: CatalogueFileItem, edition: string, before: EditionDef['wording'], at: string, changes: string[]): EditionDef['wording'] {
  const headers = item.headers ?? {};
  const aliases = item.aliases ?? {};
  for (const [part, keys] of [['headers', Object.keys(headers)], ['aliases', Object.keys(aliases)]] as const) {
    for (const key of keys) {
      if (!t.columns.some((c) => c.key === key)) {
        throw new CatalogueFileError(`${at}.${part}.${key}`, `แบบ ${t.id} ไม่มีช่อง "${key}" (มี ${t.columns.map((c) => c.key).join(', ')})`, `template ${t.id} has no field "${key}"`);
      }
    }
  }
  if (!Object.keys(headers).length && !Object.keys(aliases).length) return before;
  const out: Record<string, ColumnWording> = { ...(before ?? {}) };
  for (const c of t.columns) {
    const h = headers[c.key];
    const more = aliases[c.key] ?? [];
    if (h === undefined && !more.length) continue;
    const was = out[c.key];
    const header = h ?? was?.header;
    if (h !== undefined && h !== c.header) changes.push(`  ${t.id} (ITA ${edition} เท่านั้น): หัวคอลัมน์ "${c.header}" → "${h}" (คำเดิมยังรู้จัก)`);
    if (more.length) changes.push(`  ${t.id} (ITA ${edition} เท่านั้น): "${header ?? c.header}" รู้จักคำอื่นเพิ่ม: ${more.join(', ')}`);
    out[c.key] = { ...(header !== undefined ? { header } : {}), aliases: [...new Set([...(was?.aliases ?? []), ...more])] };
  }
  return out;
}

/** Merges a (schema-valid) catalogue file into `base`: editions added or replaced item by item. */
export function applyCatalogueFile(base: Catalogue, file: CatalogueFile): AppliedCatalogue {
  const changes: string[] = [];
  let templates = [...base.templates];
  let optionLists = [...base.optionLists];
  const editions = new Set(base.editions);
  const sources: Record<string, string> = { ...(base.sources ?? {}) };

  for (const [id, values] of Object.entries(file.optionLists ?? {})) {
    const i = optionLists.findIndex((l) => l.id === id);
    if (i < 0) {
      throw new CatalogueFileError(`optionLists.${id}`, `ไม่มีรายการตัวเลือกชื่อ "${id}" (มี ${optionLists.map((l) => l.id).join(', ')})`, `no option list "${id}"`);
    }
    const old = optionLists[i];
    // A former value is still read (as an older edition's wording), with a warning.
    const kept = old.options.filter((o) => !values.includes(o.value)).map((o) => ({ ...o, legacy: true }));
    const list: OptionList = { ...old, options: [...values.map((v) => old.options.find((o) => o.value === v) ?? { value: v }), ...kept] };
    optionLists = optionLists.map((l, k) => (k === i ? list : l));
    changes.push(`รายการตัวเลือก ${id}: ${values.join(' / ')}`);
  }

  (file.editions ?? []).forEach((ed, e) => {
    const isNew = !editions.has(ed.edition);
    editions.add(ed.edition);
    sources[ed.edition] = ed.source;
    changes.push(`ITA ${ed.edition}${isNew ? ' (เพิ่มใหม่)' : ' (แก้ไข)'} — ที่มา: ${ed.source}`);
    const put = (templateId: string, at: string, edition: EditionDef, item?: CatalogueFileItem, quiet = false) => {
      const k = templates.findIndex((t) => t.id === templateId);
      if (k < 0) {
        throw new CatalogueFileError(`${at}.template`, `ไม่มีแบบ "${templateId}" (ดูรายชื่อด้วย ita-forms templates)`, `no template "${templateId}"`);
      }
      let t = templates[k];
      const before = t.editions.find((x) => x.edition === edition.edition);
      // Header wordings belong to this edition only; another edition's are never carried over.
      const { wording: _inherited, ...rest } = edition;
      const wording = item ? wordingOf(t, item, edition.edition, before?.wording, at, changes) : before?.wording;
      edition = { ...rest, ...(wording ? { wording } : {}) };
      t = { ...t, editions: [edition, ...t.editions.filter((x) => x.edition !== edition.edition)] };
      templates = templates.map((x, n) => (n === k ? t : x));
      if (!quiet) changes.push(`  ${edition.item} ${edition.title} → ${templateId}${before ? ` (เดิม ${before.item} ${before.title})` : ''}`);
    };
    (ed.items ?? []).forEach((item, n) => {
      const at = `editions[${e}].items[${n}]`;
      const t = templates.find((x) => x.id === item.template);
      // Rows the template seeds (OIT items, indicators) carry over from its latest edition.
      const like = t?.editions.find((x) => x.edition === ed.edition) ?? t?.editions[0];
      put(item.template, at, {
        ...(like ? { ...like } : {}),
        edition: ed.edition, item: item.item, title: item.title, window: item.window,
        ...(item.sheetName ? { sheetName: item.sheetName } : {}),
        ...(item.maxRows ? { maxRows: item.maxRows } : {}),
      }, item);
    });
    if (ed.oit) {
      const seen = new Set<string>();
      ed.oit.forEach((o, n) => {
        if (seen.has(o.no)) throw new CatalogueFileError(`editions[${e}].oit[${n}].no`, `ข้อ ${o.no} ซ้ำ`, `item ${o.no} is listed twice`);
        seen.add(o.no);
      });
      put('oit-checklist', `editions[${e}].oit`, {
        edition: ed.edition, item: 'oit', title: 'การเปิดเผยข้อมูลสาธารณะ (OIT)', window: 'fiscalYear',
        catalogue: { field: 'no', items: ed.oit.map((o) => ({ value: o.no, label: o.name })) },
        seedRows: ed.oit.map((o) => ({ no: o.no, name: o.name, components: (o.components ?? []).map((c) => `- ${c}`).join('\n') })),
      }, undefined, true);
      changes.push(`  ตาราง OIT: ${ed.oit.length} ข้อ (${ed.oit[0].no}–${ed.oit[ed.oit.length - 1].no})`);
    }
    if (ed.results) {
      const bands = ed.results;
      for (let n = 1; n < bands.length; n++) {
        if (bands[n].min > bands[n - 1].min) {
          throw new CatalogueFileError(`editions[${e}].results[${n}].min`, 'ระดับผลการประเมินต้องเรียงจากคะแนนสูงไปต่ำ', 'result bands must go from the highest score down');
        }
      }
      const scores = templates.find((t) => t.id === 'ita-scores');
      const current = scores?.editions.find((x) => x.edition === ed.edition) ?? scores?.editions[0];
      if (current) {
        put('ita-scores', `editions[${e}].results`, { ...current, edition: ed.edition, results: { bands, source: ed.source } }, undefined, true);
      }
      changes.push(`  ระดับผลการประเมิน: ${bands.map((b) => `${b.label} ≥ ${b.min}${b.toolMin !== undefined ? ` (ทุกเครื่องมือ ≥ ${b.toolMin})` : ''}`).join(', ')}`);
    }
  });

  const list = [...editions].sort((a, b) => Number(a) - Number(b));
  return {
    catalogue: { templates, optionLists, editions: list, defaultEdition: list[list.length - 1], sources },
    changes,
  };
}
