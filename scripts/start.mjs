// `npm start`: builds the command line, then
//   - on Windows or macOS (Excel installed), installs or renews the https://localhost development
//     certificate (scripts/devCert.mjs) and sideloads the add-in into Excel with
//     office-addin-debugging (a pinned devDependency), serving dist/ over HTTPS; `npm stop` ends it;
//   - elsewhere, with --preview, or when sideloading fails: builds the task pane and the browser
//     preview in watch mode and serves dist/ on http://127.0.0.1:3000 (or the next free port).
//
//   node scripts/start.mjs [--preview] [--port N]
//   node scripts/start.mjs --serve [--https] [--port N]   (serve dist/ only: the dev server
//                                                           office-addin-debugging starts)
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDevCertificate } from './devCert.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A static file server for dist/: no dependency, no directory listing, nothing outside dist/. */
function handler(req, res) {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (path.endsWith('/')) path += 'preview.html';
  const file = normalize(join(DIST, path));
  if (!file.startsWith(DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
}

/** Listens on the first free port from `first` (up to 20 tries). */
function listen(server, first, host) {
  return new Promise((resolvePort, reject) => {
    let port = first;
    const tryPort = () => {
      server.once('error', (e) => {
        if (e.code === 'EADDRINUSE' && port < first + 20) {
          port++;
          tryPort();
        } else reject(e);
      });
      server.listen(port, host, () => resolvePort(port));
    };
    tryPort();
  });
}

function buildCli() {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Builds dist/ with webpack; in watch mode, resolves after the first build and keeps rebuilding. */
async function buildPane({ watch }) {
  const require = createRequire(import.meta.url);
  const webpack = require('webpack');
  const config = require(join(ROOT, 'webpack.config.js'))({}, { mode: 'development' });
  const compiler = webpack(config);
  return new Promise((done, fail) => {
    let first = true;
    const report = (err, stats) => {
      if (err) {
        if (first) fail(err);
        else console.error(err);
        return;
      }
      const info = stats.toString({ preset: 'errors-warnings', colors: process.stdout.isTTY });
      if (stats.hasErrors()) console.error(info);
      else console.log(first ? 'สร้าง dist/ แล้ว (task pane + preview)' : 'สร้างใหม่แล้ว (rebuilt)');
      if (first) {
        first = false;
        if (stats.hasErrors()) fail(new Error('webpack build failed'));
        else done(compiler);
      }
    };
    if (watch) compiler.watch({ aggregateTimeout: 300 }, report);
    else compiler.run((err, stats) => compiler.close(() => report(err, stats)));
  });
}

async function servePreview() {
  const server = http.createServer(handler);
  const port = await listen(server, Number(option('--port') ?? 3000), '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  console.log('');
  console.log(`  ตัวอย่างการทำงาน (preview):  ${base}/preview.html`);
  console.log(`  task pane:                   ${base}/taskpane.html  (ใช้งานจริงใน Excel ผ่าน manifest.xml)`);
  console.log(`  command line:                node bin/ita-forms.js --help`);
  console.log('');
  console.log('  กด Ctrl+C เพื่อหยุด / Ctrl+C to stop');
}

/** Serving only (the dev server office-addin-debugging runs): HTTPS with the dev certificate. */
async function serveOnly() {
  const port = Number(option('--port') ?? 3000);
  if (flag('--https')) {
    const certs = await ensureDevCertificate();
    https.createServer(certs, handler).listen(port, 'localhost', () => console.log(`https://localhost:${port}/`));
  } else {
    http.createServer(handler).listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${port}/`));
  }
}

/** Runs office-addin-debugging from node_modules (pinned in package.json, never fetched by npx). */
function officeAddinDebugging(cmdArgs) {
  const require = createRequire(import.meta.url);
  let cli;
  try {
    cli = join(dirname(require.resolve('office-addin-debugging/package.json')), 'cli.js');
  } catch {
    console.error('ไม่พบ office-addin-debugging: รัน npm ci ก่อน (not installed: run npm ci)');
    return Promise.resolve(1);
  }
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...cmdArgs], { stdio: 'inherit', cwd: ROOT });
    child.on('error', () => done(1));
    child.on('exit', (code) => done(code ?? 1));
  });
}

/** Sideloads manifest.xml into desktop Excel; false when anything on the way fails. */
async function startInExcel() {
  await buildPane({ watch: false });
  // Excel loads add-ins over https://localhost only with a trusted, unexpired certificate: checked
  // on every start, renewed when it has expired or is about to.
  await ensureDevCertificate();
  const server = `"${process.execPath}" "${join(ROOT, 'scripts', 'start.mjs')}" --serve --https --port 3000`;
  const code = await officeAddinDebugging(['start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server', server, '--dev-server-port', '3000']);
  if (code !== 0) return false;
  console.log('เปิด Excel พร้อม add-in แล้ว (ปุ่ม "แบบฟอร์ม ITA" บนแท็บหน้าแรก). หยุดด้วย: npm stop');
  return true;
}

async function main() {
  if (flag('--serve')) return serveOnly();
  buildCli();
  const withExcel = (process.platform === 'win32' || process.platform === 'darwin') && !flag('--preview');
  if (withExcel) {
    let ok = false;
    try {
      ok = await startInExcel();
    } catch (e) {
      console.error(e instanceof Error ? e.message : e);
    }
    if (ok) return;
    console.log('เปิดใน Excel ไม่สำเร็จ: เปิดหน้าตัวอย่างในเบราว์เซอร์แทน (Could not sideload into Excel; starting the browser preview instead)');
  }
  await buildPane({ watch: true });
  await servePreview();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
