/** The catalogue: every template, its editions and the option lists, with lookups by id or item. */
import type { Catalogue, ColumnDef, EditionDef, TemplateDef } from './types';
import { PROCUREMENT_OPTION_LISTS } from './options';
import { procurementAnnual, procurementPlan, procurementProgress } from './procurement';
import type { OptionList } from '../values/options';
import { MEASURE_OPTION_LISTS } from './measureOptions';
import { MEASURE_TEMPLATES } from './measures';

export * from './types';

export const catalogue: Catalogue = {
  templates: [procurementPlan, procurementProgress, procurementAnnual, ...MEASURE_TEMPLATES],
  optionLists: [...PROCUREMENT_OPTION_LISTS, ...MEASURE_OPTION_LISTS],
  editions: ['2563', '2566', '2567', '2568', '2569'],
  defaultEdition: '2567',
};

export interface TemplateChoice {
  readonly template: TemplateDef;
  readonly edition: EditionDef;
}

export function templateById(id: string, cat: Catalogue = catalogue): TemplateDef | undefined {
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
    return e ? { template: byId, edition: e } : undefined;
  }
  for (const t of cat.templates) {
    const e = t.editions.find((x) => x.edition === ed && x.item.toLowerCase() === wanted);
    if (e) return { template: t, edition: e };
  }
  return undefined;
}

export function editionOf(template: TemplateDef, edition: string): EditionDef | undefined {
  return template.editions.find((e) => e.edition === edition);
}

/** A template the import fills (o16, o17 and their counterparts in other editions). */
export function acceptsImport(template: TemplateDef): boolean {
  return template.importable === true;
}

export function columnByKey(template: TemplateDef, key: string): ColumnDef | undefined {
  return template.columns.find((c) => c.key === key);
}

/**
 * "แบบ o16 ความก้าวหน้าการจัดซื้อจัดจ้าง (ITA 2567)"; a template that is no OIT item of its own
 * (the score analysis, the OIT checklist) is named without a number.
 */
export function describeChoice(choice: TemplateChoice): string {
  const item = /^o[0-9]+$/.test(choice.edition.item) ? `แบบ ${choice.edition.item} ` : '';
  return `${item}${choice.template.name} (ITA ${choice.edition.edition})`;
}
