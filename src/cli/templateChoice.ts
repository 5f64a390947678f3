/** The template an officer named on the command line, or a message that says what to type. */
import { catalogue, resolveTemplate, type Catalogue, type TemplateChoice } from '../domain/templates';
import { closest, UsageError } from './args';

/**
 * Resolves `o12`, `o16 --edition 2567`, `procurement-progress`. When nothing matches: the editions
 * that do have that item ("o12 of 2568 or 2569: add --edition"), else the closest name.
 */
export function chooseTemplate(name: string, edition: string | undefined, cat: Catalogue = catalogue): TemplateChoice {
  const choice = resolveTemplate(name, edition, cat);
  if (choice) return choice;
  const wanted = name.trim().toLowerCase();
  const editions = [...new Set(cat.templates.flatMap((t) => t.editions.filter((e) => e.item.toLowerCase() === wanted || t.id === wanted).map((e) => e.edition)))].sort();
  if (editions.length > 0) {
    const flags = editions.map((e) => `--edition ${e}`).join(' หรือ ');
    const flagsEn = editions.map((e) => `--edition ${e}`).join(' or ');
    throw new UsageError(
      `${name} เป็นแบบของ ITA ${editions.join(' และ ')}${edition ? ` ไม่ใช่ ITA ${edition}` : ''}: เพิ่ม ${flags}`,
      `${name} is an item of ITA ${editions.join(' or ')}${edition ? `, not of ${edition}` : ''}: add ${flagsEn}`,
    );
  }
  const names = [...new Set(cat.templates.flatMap((t) => [t.id, ...t.editions.map((e) => e.item.toLowerCase())]))];
  const near = closest(wanted, names);
  throw new UsageError(
    `ไม่พบแบบ "${name}"${near ? ` (หมายถึง ${near} หรือไม่)` : ''} ดูรายการด้วย ita-forms templates`,
    `no template "${name}"${near ? ` (did you mean ${near}?)` : ''}; see ita-forms templates`,
  );
}
