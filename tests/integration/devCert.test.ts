/**
 * `npm start` renews the https://localhost certificate when it is needed (scripts/devCert.mjs):
 * office-addin-dev-certs makes 30-day certificates and never looks at their expiry again, so after
 * a month Excel would refuse the add-in. Real certificates, made the way office-addin-dev-certs
 * makes them (mkcert), judged on different days.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mkcert = require('mkcert') as {
  createCA(o: { organization: string; countryCode: string; state: string; locality: string; validity: number }): Promise<{ key: string; cert: string }>;
  createCert(o: { ca: { key: string; cert: string }; domains: string[]; validity: number }): Promise<{ key: string; cert: string }>;
};

let dir: string;
let certFile: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-cert-'));
  const ca = await mkcert.createCA({ organization: 'Developer CA for Microsoft Office Add-ins', countryCode: 'US', state: 'WA', locality: 'Redmond', validity: 30 });
  const cert = await mkcert.createCert({ ca, domains: ['localhost'], validity: 30 });
  certFile = path.join(dir, 'localhost.crt');
  await fs.writeFile(certFile, cert.cert);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** What scripts/devCert.mjs decides for a certificate file, `daysLater` days from now. */
async function actionFor(file: string, daysLater: number): Promise<string> {
  const script = `import(${JSON.stringify(path.join(ROOT, 'scripts/devCert.mjs'))}).then((m) => process.stdout.write(m.certificateAction(process.argv[1], new Date(Date.now() + Number(process.argv[2]) * 86400000))))`;
  const { stdout } = await exec(process.execPath, ['-e', script, file, String(daysLater)]);
  return stdout;
}

test('a fresh 30-day certificate is kept', async () => {
  expect(await actionFor(certFile, 0)).toBe('ok');
  expect(await actionFor(certFile, 20)).toBe('ok');
});

test('a certificate about to expire, or expired, is renewed', async () => {
  expect(await actionFor(certFile, 29)).toBe('renew');
  expect(await actionFor(certFile, 45)).toBe('renew');
});

test('no certificate, or an unreadable one, is installed', async () => {
  expect(await actionFor(path.join(dir, 'none.crt'), 0)).toBe('install');
  const bad = path.join(dir, 'bad.crt');
  await fs.writeFile(bad, 'not a certificate');
  expect(await actionFor(bad, 0)).toBe('install');
});
