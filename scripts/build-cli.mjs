// Bundles the command line into dist/cli.js, and the worker that `check` runs on every core into
// dist/checkWorker.js beside it (exceljs, piscina stay ordinary dependencies).
// Runs on `prepare`, so `npx ita-forms` works right after `npm ci`, also `npm ci --omit=dev`:
// esbuild is a runtime dependency for this reason (no built file is committed).
// `node scripts/build-cli.mjs DIR` bundles into DIR instead (tests build their own copy).
import { build } from 'esbuild';
import path from 'node:path';

const outdir = process.argv[2] ?? 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs', 'iconv-lite', 'piscina', 'tinyglobby'],
  sourcemap: true,
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: path.join(outdir, 'cli.js') });
await build({ ...common, entryPoints: ['src/cli/checkWorker.ts'], outfile: path.join(outdir, 'checkWorker.js') });
