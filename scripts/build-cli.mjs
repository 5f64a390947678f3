// Bundles the command line into dist/cli.js (exceljs stays an ordinary dependency).
// Runs on `prepare`, so `npx ita-forms` works right after `npm ci`, also `npm ci --omit=dev`:
// esbuild is a runtime dependency for this reason (no built file is committed).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs', 'iconv-lite'],
  sourcemap: true,
  logLevel: 'warning',
});
