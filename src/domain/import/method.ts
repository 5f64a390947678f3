/**
 * A source's method name → the template's official method, through the catalogue's option list
 * and its synonyms. A name that alone is ambiguous (งานจ้างที่ปรึกษา: which of the three consulting
 * methods?) is narrowed by e-GP's method group when the group names one family.
 */
import type { CellValue } from '../grid';
import { catalogue as defaultCatalogue, optionList } from '../templates';
import type { Catalogue } from '../templates/types';
import { compileOptions, optionKey } from '../values/options';
import { METHOD_FAMILIES } from './egpColumns';
import { textOf } from './sourceRecord';

export type MethodResolution =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly code: 'method-missing' | 'method-unknown' | 'method-ambiguous'; readonly th: string; readonly en: string };

const METHOD_LIST = 'procurementMethod';

/** The method families a group text names ("วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง" names three). */
export function familiesNamedBy(group: string): readonly (typeof METHOD_FAMILIES)[number][] {
  const key = optionKey(group);
  return METHOD_FAMILIES.filter((f) => f.words.some((w) => key.includes(optionKey(w))));
}

function quoted(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

/** A resolver for one import: compiled once, answers cached per (name, group). */
export function methodResolver(cat: Catalogue = defaultCatalogue): (name: CellValue | undefined, group: CellValue | undefined) => MethodResolution {
  const list = optionList(METHOD_LIST, cat);
  const matcher = compileOptions(list);
  const ambiguousChoices = new Map((list.ambiguous ?? []).map((a) => [optionKey(a.text), a.choices] as const));
  const cache = new Map<string, MethodResolution>();

  const resolve = (name: string, group: string): MethodResolution => {
    if (!name && !group) {
      return { ok: false, code: 'method-missing', th: 'ไม่มีวิธีการจัดซื้อจัดจ้าง', en: 'No procurement method' };
    }
    const direct = name ? matcher.match(name) : undefined;
    if (direct?.ok) return { ok: true, value: direct.value };
    const choices = name ? ambiguousChoices.get(optionKey(name)) : undefined;
    if (choices) {
      const families = group ? familiesNamedBy(group) : [];
      const narrowed = families.length === 1 ? choices.filter((c) => families[0].methods.includes(c)) : [];
      if (narrowed.length === 1) return { ok: true, value: narrowed[0] };
      return {
        ok: false,
        code: 'method-ambiguous',
        th: `วิธีการจัดซื้อจัดจ้าง "${name}"${group ? ` (กลุ่ม "${group}")` : ''} ระบุไม่ชัดว่าเป็นวิธีใด ต้องเลือกเองจาก ${quoted(choices)}`,
        en: `Method "${name}"${group ? ` (group "${group}")` : ''} could be any of ${quoted(choices)}: choose one`,
      };
    }
    // The datastore files the method under the group column and the group under the method column.
    const swapped = group ? matcher.match(group) : undefined;
    if (swapped?.ok) return { ok: true, value: swapped.value };
    const shown = name || group;
    return {
      ok: false,
      code: 'method-unknown',
      th: `วิธีการจัดซื้อจัดจ้าง "${shown}" ไม่ตรงกับรายการของแบบ (เช่น ${quoted(matcher.values.slice(0, 3))})`,
      en: `Method "${shown}" is not one of the template's methods`,
    };
  };

  return (nameValue, groupValue) => {
    const name = textOf(nameValue);
    const group = textOf(groupValue);
    const key = `${name}\u0000${group}`;
    let r = cache.get(key);
    if (!r) {
      r = resolve(name, group);
      cache.set(key, r);
    }
    return r;
  };
}
