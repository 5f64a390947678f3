// `npm run validate`: manifest.xml checked by Microsoft's add-in validation service (the check
// AppSource and the Microsoft 365 admin centre run), through office-addin-manifest. The service is
// on the internet: when it cannot be reached, say so plainly (exit 2) rather than pass or fail.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = process.argv[2] ?? join(ROOT, 'manifest.xml');
const { validateManifest } = require('office-addin-manifest');

let validation;
try {
  validation = await validateManifest(manifest, process.argv.includes('--production'));
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  if (/Unable to contact the manifest validation service/i.test(message)) {
    console.error('ตรวจ manifest ไม่ได้: ติดต่อบริการตรวจของ Microsoft (validationgateway.omex.office.net) ไม่ได้ — ตรวจการเชื่อมต่ออินเทอร์เน็ตแล้วลองใหม่');
    console.error('Cannot validate: the Microsoft validation service could not be reached (no internet access?). Nothing was checked.');
    process.exit(2);
  }
  console.error(`ตรวจ manifest ไม่ได้ | cannot validate ${manifest}: ${message}`);
  process.exit(2);
}
if (validation.isValid) {
  console.log(`manifest ผ่านการตรวจ | ${manifest} is valid`);
  process.exit(0);
}
if (!validation.report) {
  console.error(`บริการตรวจตอบกลับผิดปกติ (${validation.status ?? '?'} ${validation.statusText ?? ''}) | the validation service answered ${validation.status ?? '?'}: nothing was checked`);
  process.exit(2);
}
console.error(`manifest ไม่ผ่านการตรวจ | ${manifest} is not valid:`);
for (const issue of validation.report.errors ?? []) console.error(`  ✗ ${issue.title}: ${issue.content}${issue.line ? ` (line ${issue.line})` : ''}`);
for (const issue of validation.report.warnings ?? []) console.error(`  ! ${issue.title}: ${issue.content}`);
process.exit(1);
