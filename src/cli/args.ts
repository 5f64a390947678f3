/**
 * The options of a command, declared once as a table (what it takes, how the help shows it), and
 * read with Node's own `util.parseArgs`. Everything people type wrong gets one line that says what
 * to type instead: the closest option, the value an option needs, the command's --help.
 */
import { parseArgs as nodeParseArgs } from 'node:util';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** How the value shows in the usage: `FILE.xlsx`, `YYYY-MM-DD`. */
  readonly value?: string;
  /** Shown as `--out FILE.xlsx` rather than `[--out FILE.xlsx]` in the synopsis. */
  readonly required?: boolean;
  /** One line for the command's --help (Thai / English). */
  readonly help: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

export class UsageError extends Error {
  constructor(readonly th: string, readonly en: string) {
    super(en);
  }
}

/** Every command takes these. */
const HELP_OPTION: OptionTable = {
  help: { type: 'boolean', short: 'h', help: 'วิธีใช้คำสั่งนี้ / show this help' },
};

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The candidate people most likely meant: a prefix of it, or a typo away (undefined: none close). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.startsWith(w) && w.length >= 2 ? 0.5 : editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.ceil(w.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

function optionName(name: string, spec: OptionSpec | undefined): string {
  return spec?.short === name ? `-${name}` : `--${name}`;
}

/**
 * Reads `argv` against the command's table (plus --help). Positionals may come anywhere; `--`
 * ends the options (a file named `-x.csv` goes after it). Throws UsageError for an unknown option
 * (naming the closest one), a missing value, a value given to a switch, or an option given twice.
 */
export function parseCommandArgs(command: string, argv: readonly string[], table: OptionTable): ParsedArgs {
  const options: OptionTable = { ...table, ...HELP_OPTION };
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(options)) config[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  // strict: false, and the checks below: Node's own messages are English-only and suggest nothing.
  const { values, positionals, tokens } = nodeParseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  const seen = new Set<string>();
  for (const t of tokens ?? []) {
    if (t.kind !== 'option') continue;
    const spec = options[t.name];
    if (!spec) {
      const near = closest(t.name, Object.keys(options));
      throw new UsageError(
        `คำสั่ง ${command} ไม่รู้จักตัวเลือก ${t.rawName}${near ? ` (หมายถึง --${near} หรือไม่)` : ''} ดูตัวเลือกทั้งหมดด้วย ita-forms ${command} --help`,
        `unknown option ${t.rawName} for ${command}${near ? ` (did you mean --${near}?)` : ''}; see ita-forms ${command} --help`,
      );
    }
    const shown = optionName(t.name, spec) === t.rawName ? t.rawName : `--${t.name}`;
    if (seen.has(t.name)) throw new UsageError(`ให้ตัวเลือก ${shown} ได้ครั้งเดียว`, `option ${shown} given twice`);
    seen.add(t.name);
    if (spec.type === 'boolean' && t.value !== undefined) {
      throw new UsageError(`ตัวเลือก ${shown} ไม่ต้องมีค่า (ได้รับ "${t.value}")`, `option ${shown} takes no value (got "${t.value}")`);
    }
    if (spec.type === 'string') {
      // `--out --force`: the next word is another option, not the value.
      const missing = t.value === undefined || t.value === '' || (!t.inlineValue && t.value.startsWith('-') && t.value !== '-');
      if (missing) {
        const v = spec.value ? ` ${spec.value}` : '';
        throw new UsageError(`ตัวเลือก ${shown} ต้องมีค่า เช่น ${shown}${v}`, `option ${shown} needs a value: ${shown}${v}`);
      }
    }
  }
  return { positional: positionals, values };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function booleanOption(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** `[--out FILE.xlsx]` for the synopsis line. */
function synopsisOf(name: string, spec: OptionSpec): string {
  const text = `--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
  return spec.required ? text : `[${text}]`;
}

export interface CommandUsage {
  readonly name: string;
  /** What comes after the command name besides options: `<FILE.xlsx>`. */
  readonly operands: string;
  readonly options: OptionTable;
}

/** One line: `ita-forms import <SOURCE…> --template o16|o17 … [--force]`. */
export function synopsis(c: CommandUsage): string {
  const opts = Object.entries(c.options).map(([n, s]) => synopsisOf(n, s));
  return ['ita-forms', c.name, c.operands, ...opts].filter((s) => s !== '').join(' ');
}

/** The command's --help: the synopsis and every option, one a line. */
export function commandHelp(c: CommandUsage & { readonly summary: string; readonly notes?: readonly string[] }): string {
  const rows = Object.entries({ ...c.options, ...HELP_OPTION }).map(([n, s]) => {
    const left = `${s.short ? `-${s.short}, ` : ''}--${n}${s.type === 'string' ? ` ${s.value ?? 'VALUE'}` : ''}`;
    return [left, s.help] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length));
  return [
    c.summary,
    '',
    `  ${synopsis(c)}`,
    '',
    'ตัวเลือก / options:',
    ...rows.map(([l, h]) => `  ${l.padEnd(width)}  ${h}`),
    ...(c.notes?.length ? ['', ...c.notes] : []),
  ].join('\n');
}
