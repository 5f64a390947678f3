/** A small argument parser: the CLI contract is fixed, so no dependency is needed for it. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

export class UsageError extends Error {
  constructor(readonly th: string, readonly en: string) {
    super(en);
  }
}

export function parseArgs(argv: readonly string[], valued: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (booleans.includes(name)) {
        flags.set(name, true);
        continue;
      }
      if (!valued.includes(name)) throw new UsageError(`ไม่รู้จักตัวเลือก --${name}`, `Unknown option --${name}`);
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`ตัวเลือก --${name} ต้องมีค่า`, `Option --${name} needs a value`);
      flags.set(name, value);
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
