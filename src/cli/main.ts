/**
 * The `ita-forms` command: dispatches to the commands (each declares its options in
 * src/cli/commands/<name>.ts), and owns the rule that nothing reaches the officer as a stack trace:
 * every failure is one line in Thai and English with exit status 2.
 */
import { version } from '../../package.json';
import { closest, commandHelp, parseCommandArgs, synopsis, UsageError } from './args';
import type { Command } from './command';
import { checkCommand } from './commands/check';
import { fixCommand } from './commands/fix';
import { importCommand } from './commands/import';
import { newCommand } from './commands/new';
import { templatesCommand } from './commands/templates';
import { EXIT_OK, EXIT_UNUSABLE, explained, nodeIo, type Io } from './io';

export type { Io } from './io';

/** Every command; a new one is one entry here and one file in commands/. */
export const COMMANDS: readonly Command[] = [templatesCommand, newCommand, checkCommand, fixCommand, importCommand];

function usage(): string {
  return [
    `ita-forms ${version} — แบบ ITA (OIT) เป็นฟอร์มพร้อมตัวตรวจ / ITA workbooks as forms with validators`,
    '',
    ...COMMANDS.map((c) => `  ${synopsis(c)}`),
    '  ita-forms COMMAND --help | ita-forms --version',
    '',
    '<template>: an item of the edition — o11 | o12 | o25 | o26 (ITA 2569, the default), o12 | o13 | o27 | o28 (2568),',
    '  o14 | o16 | o17 | o34 | o35 (2567) — or a template id:',
    '  ita-scores, measures-analysis, measures-report, oit-checklist … (ita-forms templates)',
    '--edition: default the latest edition; --fiscal-year N alone selects edition N when there is one',
    '--catalogue FILE: a catalogue file (JSON) adding or correcting an edition, e.g. ITA 2570 (see README)',
    '--force: แทนที่ไฟล์ผลลัพธ์ที่มีอยู่แล้ว (ไม่มี --force จะไม่เขียนทับไฟล์ใด) / replace an existing output file',
    '--: จบตัวเลือก ค่าที่ตามมาเป็นชื่อไฟล์ / ends the options, what follows are file names',
  ].join('\n');
}

/** The one line for any failure: ours say what to do; anything else is named, never dumped. */
export function failureLine(e: unknown): string {
  if (explained(e)) return `ita-forms: ${e.th} | ${e.en}`;
  const err = e as NodeJS.ErrnoException | undefined;
  if (err instanceof RangeError && /call stack|array length|string length/i.test(err.message)) {
    return `ita-forms: ข้อมูลใหญ่เกินกว่าที่โปรแกรมรับได้ (${err.message}) | the input is larger than this program can handle (${err.message})`;
  }
  const what = err?.code ? `${err.code}: ${err.message}` : (err?.message ?? String(e));
  return `ita-forms: เกิดข้อผิดพลาดที่ไม่คาดคิด ไม่ได้เขียนไฟล์ใด | unexpected failure, no file was written: ${what}`;
}

async function runCommand(command: Command, argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs(command.name, argv, command.options);
  if (args.values.help === true) {
    io.out(commandHelp(command));
    return EXIT_OK;
  }
  return command.run(args, io);
}

export async function run(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.err(usage());
      return EXIT_UNUSABLE;
    }
    if (first === '--help' || first === '-h') {
      io.out(usage());
      return EXIT_OK;
    }
    if (first === '--version' || first === '-V' || first === '-v') {
      io.out(version);
      return EXIT_OK;
    }
    if (first === 'help') {
      const c = COMMANDS.find((x) => x.name === rest[0]);
      io.out(c ? commandHelp(c) : usage());
      return EXIT_OK;
    }
    const command = COMMANDS.find((c) => c.name === first);
    if (!command) {
      const near = closest(first, COMMANDS.map((c) => c.name));
      throw new UsageError(
        `ไม่รู้จักคำสั่ง "${first}"${near ? ` (หมายถึง ${near} หรือไม่)` : ''} ดูคำสั่งทั้งหมดด้วย ita-forms --help`,
        `unknown command "${first}"${near ? ` (did you mean ${near}?)` : ''}; see ita-forms --help`,
      );
    }
    return await runCommand(command, rest, io);
  } catch (e) {
    io.err(failureLine(e));
    return EXIT_UNUSABLE;
  }
}
