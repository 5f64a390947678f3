// The development certificate Excel needs to load the add-in from https://localhost.
// office-addin-dev-certs makes certificates valid for 30 days and, on its own, never looks at the
// expiry date again: after a month Excel refuses the add-in. `npm start` calls
// ensureDevCertificate() each time: it installs a certificate when there is none and renews it
// when it has expired or expires within RENEW_DAYS.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const RENEW_DAYS = 2;
const DAY_MS = 86_400_000;

/** Days the certificate at `path` stays valid from `now` (negative once expired); undefined when missing or unreadable. */
export function certificateDaysLeft(path, now = new Date()) {
  if (!existsSync(path)) return undefined;
  try {
    const cert = new X509Certificate(readFileSync(path));
    return (new Date(cert.validTo).getTime() - now.getTime()) / DAY_MS;
  } catch {
    return undefined;
  }
}

/** What the certificate at `path` needs: 'install' (none or unreadable), 'renew' (expired or about to), or 'ok'. */
export function certificateAction(path, now = new Date()) {
  const days = certificateDaysLeft(path, now);
  if (days === undefined) return 'install';
  return days < RENEW_DAYS ? 'renew' : 'ok';
}

/** Installs or renews the localhost certificate as needed; returns the files for an HTTPS server. */
export async function ensureDevCertificate(log = console.log) {
  const certs = require('office-addin-dev-certs');
  const defaults = require('office-addin-dev-certs/lib/defaults');
  const action = certificateAction(defaults.localhostCertificatePath);
  if (action === 'renew') {
    log('ใบรับรอง https://localhost หมดอายุหรือใกล้หมดอายุ: ออกใบใหม่ (renewing the development certificate)');
    await certs.uninstallCaCertificate(false, false);
    certs.deleteCertificateFiles(defaults.certificateDirectory);
  } else if (action === 'install') {
    log('ติดตั้งใบรับรองสำหรับ https://localhost (installing the development certificate)');
  }
  // Generates and trusts a new certificate when the files are missing or the CA is not trusted.
  await certs.ensureCertificatesAreInstalled();
  return { cert: readFileSync(defaults.localhostCertificatePath), key: readFileSync(defaults.localhostKeyPath) };
}
