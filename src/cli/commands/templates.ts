/** `ita-forms templates`: every template and its item number in each ITA edition, and where each edition comes from. */
import { catalogue } from '../../domain/templates';
import { stringOption } from '../args';
import { catalogueFlag } from '../catalogueFlag';
import type { Command } from '../command';
import { EXIT_OK } from '../io';
import { CATALOGUE } from './options';

export const templatesCommand: Command = {
  name: 'templates',
  operands: '',
  summary: 'ita-forms templates — แบบที่มีทั้งหมดในแต่ละปี ITA / list the templates of every ITA edition',
  options: { catalogue: CATALOGUE },
  async run(args, io) {
    const file = stringOption(args, 'catalogue');
    const loaded = await catalogueFlag(file);
    const cat = loaded?.catalogue ?? catalogue;
    if (loaded) {
      io.out(`แค็ตตาล็อก ${file} เปลี่ยน / changes:`);
      for (const c of loaded.changes) io.out(`  ${c}`);
      io.out('');
    }
    io.out(`แบบที่มี / templates (ITA ${cat.defaultEdition} เป็นค่าเริ่มต้น / the default):`);
    for (const t of cat.templates) {
      io.out(`\n  ${t.id} — ${t.name} (${t.nameEn})`);
      for (const e of [...t.editions].sort((a, b) => Number(b.edition) - Number(a.edition))) {
        io.out(`    ITA ${e.edition}: ${e.item}  ${e.title}`);
        // A catalogue file's header wordings hold for their edition only: listed under it.
        for (const [key, w] of Object.entries(e.wording ?? {})) {
          const base = t.columns.find((c) => c.key === key)?.header ?? key;
          if (w.header && w.header !== base) io.out(`      หัวคอลัมน์ของ ITA ${e.edition}: "${w.header}" (แทน "${base}")`);
          if (w.aliases?.length) io.out(`      ITA ${e.edition} รู้จัก "${w.header ?? base}" ในชื่ออื่นด้วย: ${w.aliases.join(', ')}`);
        }
      }
    }
    io.out('\nที่มาของข้อมูลแต่ละฉบับ / sources:');
    for (const e of [...cat.editions].reverse()) io.out(`  ITA ${e}: ${cat.sources?.[e] ?? '-'}`);
    return EXIT_OK;
  },
};
