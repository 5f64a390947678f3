/** A command of `ita-forms`: its options declared in one table, its help, and what it does. */
import type { CommandUsage, ParsedArgs } from './args';
import type { Io } from './io';

export interface Command extends CommandUsage {
  /** The first line of its --help (Thai / English). */
  readonly summary: string;
  /** Lines after the options in its --help. */
  readonly notes?: readonly string[];
  run(args: ParsedArgs, io: Io): Promise<number>;
}
