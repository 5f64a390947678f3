/** The catalogue: every template, its editions and the option lists, with lookups by id or item. */
import type { Catalogue, ColumnDef, EditionDef, TemplateDef } from './types';
import { PROCUREMENT_OPTION_LISTS } from './options';
import { procurementAnnual, procurementPlan, procurementProgress } from './procurement';
import type { OptionList } from '../values/options';
import { MEASURE_OPTION_LISTS } from './measureOptions';
import { MEASURE_TEMPLATES } from './measures';
import { procurementMonthly, procurementMonthlyAnnual } from './monthly';
import { EDITION_SOURCES } from './editions';

export * from './types';

const BUILT_IN_EDITIONS = ['2563', '2566', '2567', '2568', '2569'];

export const catalogue: Catalogue = {
  templates: [procurementPlan, procurementProgress, procurementAnnual, procurementMonthly, procurementMonthlyAnnual, ...MEASURE_TEMPLATES],
  optionLists: [...PROCUREMENT_OPTION_LISTS, ...MEASURE_OPTION_LISTS],
  editions: BUILT_IN_EDITIONS,
  // The edition agencies fill now: the latest one (a catalogue file adding 2570 moves it).
  defaultEdition: latestEdition(BUILT_IN_EDITIONS),
  sources: EDITION_SOURCES,
};

/** The newest of a list of BE years. */
function latestEdition(editions: readonly string[]): string {
  return [...editions].sort((a, b) => Number(a) - Number(b))[editions.length - 1];
}

/**
 * The edition a command means: the one asked for, else the assessed fiscal year's own edition when
 * the catalogue has it ("an assessed fiscal year N means edition N"), else the latest.
 */
export function editionFor(opts: { edition?: string; fiscalYear?: number }, cat: Catalogue = catalogue): string {
  if (opts.edition) return opts.edition;
  if (opts.fiscalYear !== undefined && cat.editions.includes(String(opts.fiscalYear))) return String(opts.fiscalYear);
  return cat.defaultEdition;
}

/** The sheet name `new` gives a template: the edition's own, else the template's. */
export function sheetNameOf(choice: TemplateChoice): string {
  return choice.edition.sheetName ?? choice.template.sheetName;
}

export interface TemplateChoice {
  readonly template: TemplateDef;
  readonly edition: EditionDef;
}

function templateById(id: string, cat: Catalogue = catalogue): TemplateDef | undefined {
  return cat.templates.find((t) => t.id === id);
}

export function optionList(id: string, cat: Catalogue = catalogue): OptionList {
  const list = cat.optionLists.find((l) => l.id === id);
  if (!list) throw new Error(`Unknown option list ${id}`);
  return list;
}

/**
 * Resolves what a user typed — a template id (`procurement-progress`) or an item number of an
 * edition (`o16` in 2567, `o12` in 2568) — to a template and edition.
 */
export function resolveTemplate(nameOrItem: string, edition?: string, cat: Catalogue = catalogue): TemplateChoice | undefined {
  const wanted = nameOrItem.trim().toLowerCase();
  const ed = edition ?? cat.defaultEdition;
  const byId = templateById(wanted, cat);
  if (byId) {
    const e = byId.editions.find((x) => x.edition === ed) ?? (edition ? undefined : byId.editions[0]);
    return e ? { template: editionTemplate(byId, e), edition: e } : undefined;
  }
  for (const t of cat.templates) {
    const e = t.editions.find((x) => x.edition === ed && x.item.toLowerCase() === wanted);
    if (e) return { template: editionTemplate(t, e), edition: e };
  }
  return undefined;
}

const worded = new WeakMap<EditionDef, { readonly of: TemplateDef; readonly template: TemplateDef }>();

/**
 * The template as one edition words it: the columns with the headers and aliases that edition's
 * wording gives (a catalogue file's ITA 2570 header), the template's own wording for the others.
 * The former header stays recognised as an alias. Without a wording, the template itself.
 */
export function editionTemplate(template: TemplateDef, edition: EditionDef): TemplateDef {
  const wording = edition.wording;
  if (!wording || Object.keys(wording).length === 0) return template;
  const known = worded.get(edition);
  if (known?.of === template) return known.template;
  const columns = template.columns.map((c): ColumnDef => {
    const w = wording[c.key];
    if (!w) return c;
    const header = w.header ?? c.header;
    const aliases = [...(c.aliases ?? []), ...(header !== c.header ? [c.header] : []), ...(w.aliases ?? [])].filter((a) => a !== header);
    return { ...c, header, aliases: [...new Set(aliases)] };
  });
  const out = { ...template, columns };
  worded.set(edition, { of: template, template: out });
  return out;
}

/** A list the import fills row by row (o16, o17 and their counterparts in other editions). */
export function acceptsImport(template: TemplateDef): boolean {
  return template.importable === true;
}

/** A template `import` fills: such a list, or the monthly สขร.1 tables (ITA 2569 O11, O12). */
export function importFills(template: TemplateDef): boolean {
  return acceptsImport(template) || template.monthly !== undefined;
}

export function columnByKey(template: TemplateDef, key: string): ColumnDef | undefined {
  return template.columns.find((c) => c.key === key);
}

/**
 * "แบบ o16 ความก้าวหน้าการจัดซื้อจัดจ้าง (ITA 2567)"; a template that is no OIT item of its own
 * (the score analysis, the OIT checklist) is named without a number.
 */
export function describeChoice(choice: TemplateChoice): string {
  // An item of the checklist is named as that edition's checklist words it.
  const numbered = /^o[0-9]+$/.test(choice.edition.item);
  const item = numbered ? `แบบ ${choice.edition.item} ` : '';
  const part = choice.edition.part ? ` — ${choice.edition.part}` : '';
  return `${item}${numbered ? choice.edition.title : choice.template.name}${part} (ITA ${choice.edition.edition})`;
}
