/** Entry point of the bundled command. */
import { quietOnClosedPipe } from './closedPipe';
import { run } from './main';

quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
