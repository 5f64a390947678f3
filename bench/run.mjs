// `npm run bench`: bundles each TypeScript benchmark with esbuild and runs it in node.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const benches = readdirSync('bench').filter((f) => f.endsWith('Bench.ts'));
const only = process.argv[2];
for (const f of benches) {
  if (only && !f.startsWith(only)) continue;
  const outfile = path.join('.bench', f.replace(/\.ts$/, '.cjs'));
  await build({ entryPoints: [path.join('bench', f)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['exceljs', 'iconv-lite'], logLevel: 'warning' });
  console.log('');
  execFileSync(process.execPath, ['--max-old-space-size=4096', outfile], { stdio: 'inherit' });
}
if (!existsSync('.bench')) console.log('no benchmarks');
