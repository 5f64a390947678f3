/** Entry point of the bundled command. */
import { quietOnClosedPipe } from './closedPipe';
import { failureLine, run } from './main';
import { EXIT_UNUSABLE } from './io';

// The last guard: whatever escapes the commands is one line and exit 2, never a stack trace.
const die = (e: unknown) => {
  process.stderr.write(failureLine(e) + '\n');
  process.exit(EXIT_UNUSABLE);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, die);
