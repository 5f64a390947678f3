/** `ita-forms templates`: every template and its item number in each ITA edition. */
import { catalogue } from '../../domain/templates';
import type { Command } from '../command';
import { EXIT_OK } from '../io';

export const templatesCommand: Command = {
  name: 'templates',
  operands: '',
  summary: 'ita-forms templates — แบบที่มีทั้งหมดในแต่ละปี ITA / list the templates of every ITA edition',
  options: {},
  async run(_args, io) {
    io.out('แบบที่มี / templates:');
    for (const t of catalogue.templates) {
      io.out(`\n  ${t.id} — ${t.name} (${t.nameEn})`);
      for (const e of t.editions) io.out(`    ITA ${e.edition}: ${e.item}  ${e.title}`);
    }
    return EXIT_OK;
  },
};
