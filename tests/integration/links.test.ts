/**
 * `check --check-links` against servers this test starts on 127.0.0.1: a page that opens, one that
 * is gone, a redirect to another domain, one that never answers, a self-signed certificate. Every
 * name resolves to 127.0.0.1 through the checker's lookup; nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, LookupFunction, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { judgeLink, LinkChecker } from '../../src/cli/links';
import { buildCli, type BuiltCli } from './builtCli';
import { captureIo } from './cliIo';

let dir: string;
let server: http.Server;
let tlsServer: https.Server;
let port: number;
let tlsPort: number;
const sockets = new Set<Socket>();
/** Requests seen: "METHOD host path". */
const seen: string[] = [];
let inFlight = 0;
let maxInFlight = 0;

/** Every name is 127.0.0.1: the test's domains (agency.go.th, parked-domain.com) are this machine. */
const asked: string[] = [];
const loopback = ((hostname: string, options: { all?: boolean }, cb: (...a: unknown[]) => void) => {
  asked.push(hostname);
  if (options?.all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
  else cb(null, '127.0.0.1', 4);
}) as unknown as LookupFunction;

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  seen.push(`${req.method} ${host} ${req.url}`);
  expect(req.socket.remoteAddress).toMatch(/127\.0\.0\.1$/);
  const at = (p: string, h = host) => `http://${h}:${port}${p}`;
  switch (new URL(req.url ?? '/', 'http://x').pathname) {
    case '/ok':
    case '/landing':
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
      return;
    case '/missing':
      res.writeHead(404, 'Not Found').end();
      return;
    case '/moved':
      // The agency's old address now sends visitors to a parked domain.
      res.writeHead(301, { location: at('/landing', 'parked-domain.com') }).end();
      return;
    case '/www':
      res.writeHead(301, { location: at('/ok', 'www.agency.go.th') }).end();
      return;
    case '/loop':
      res.writeHead(302, { location: '/loop' }).end();
      return;
    case '/no-head':
      if (req.method === 'HEAD') res.writeHead(405, 'Method Not Allowed').end();
      else res.writeHead(200).end('ok');
      return;
    case '/hang':
      return; // never answers
    case '/slow':
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end();
      }, 400);
      return;
    default:
      res.writeHead(404).end();
  }
}

function listen(s: http.Server | https.Server): Promise<number> {
  s.on('connection', (sock: Socket) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-links-'));
  // A self-signed certificate for agency.go.th, made here (Node cannot make X.509 certificates itself).
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=agency.go.th'], { stdio: 'ignore' });
  server = http.createServer(handler);
  tlsServer = https.createServer({ key: await fs.readFile(key), cert: await fs.readFile(cert) }, handler);
  port = await listen(server);
  tlsPort = await listen(tlsServer);
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => tlsServer.close(r))]);
  await fs.rm(dir, { recursive: true, force: true });
});

const url = (p: string, host = 'agency.go.th') => `http://${host}:${port}${p}`;

async function verdict(u: string, website = 'https://www.agency.go.th', timeoutMs = 2000) {
  const checker = new LinkChecker({ lookup: loopback, timeoutMs });
  return judgeLink(u, await checker.fetch(u), website, timeoutMs);
}

describe('link check', () => {
  it('a page that opens is no issue, also through a redirect on the agency\'s own domain', async () => {
    expect(await verdict(url('/ok'))).toBeUndefined();
    expect(await verdict(url('/www'))).toBeUndefined();
  });

  it('asks with GET when HEAD is refused', async () => {
    seen.length = 0;
    expect(await verdict(url('/no-head'))).toBeUndefined();
    expect(seen).toEqual(['HEAD agency.go.th /no-head', 'GET agency.go.th /no-head']);
  });

  it('a page that is gone: link-broken with the status seen', async () => {
    const v = await verdict(url('/missing'));
    expect(v).toMatchObject({ code: 'link-broken', seen: 'HTTP 404 Not Found' });
    expect(v?.th).toBe(`ลิงก์ ${url('/missing')} เปิดไม่ได้: เว็บไซต์ตอบ HTTP 404 Not Found`);
  });

  it('a redirect to another domain: link-off-domain naming where it went', async () => {
    const v = await verdict(url('/moved'));
    expect(v).toMatchObject({ code: 'link-off-domain', seen: `HTTP 301 → ${url('/landing', 'parked-domain.com')}` });
    expect(v?.th).toContain('พาไปยังเว็บไซต์อื่น (parked-domain.com)');
  });

  it('a server that never answers: link-timeout after the time limit', async () => {
    expect(await verdict(url('/hang'), undefined, 300)).toMatchObject({ code: 'link-timeout', th: `ลิงก์ ${url('/hang')} ไม่ตอบภายใน 0.3 วินาที ผู้ประเมินอาจเปิดไม่ได้` });
  });

  it('a self-signed certificate: link-tls with the TLS error', async () => {
    const v = await verdict(`https://agency.go.th:${tlsPort}/ok`);
    expect(v?.code).toBe('link-tls');
    expect(v?.seen).toMatch(/SELF_SIGNED|CERT/);
  });

  it('redirects without end: link-redirects', async () => {
    expect((await verdict(url('/loop')))?.code).toBe('link-redirects');
  });

  it('nothing listening: link-unreachable with the connection error', async () => {
    const closed = http.createServer();
    const p = await listen(closed);
    await new Promise((r) => closed.close(r));
    expect(await verdict(`http://agency.go.th:${p}/ok`)).toMatchObject({ code: 'link-unreachable', seen: 'ECONNREFUSED', th: `ลิงก์ http://agency.go.th:${p}/ok เปิดไม่ได้: เซิร์ฟเวอร์ไม่รับการเชื่อมต่อ (ECONNREFUSED)` });
  });

  it('a Thai domain name (.ไทย) redirecting within itself stays on its site', async () => {
    // The redirect comes back in punycode: the same site, not another domain.
    const outcome = { hops: [{ url: 'http://เทศบาลตัวอย่าง.ไทย/o1', status: 301, statusText: '' }, { url: 'http://xn--72c1afm5bqpe3cybig5owe.xn--o3cw4h/o1/', status: 200, statusText: 'OK' }] };
    expect(judgeLink('http://เทศบาลตัวอย่าง.ไทย/o1', outcome, undefined, 1000)).toBeUndefined();
  });

  it('opens each address once per run, and at most `perHost` at a time on one host', async () => {
    seen.length = 0;
    maxInFlight = 0;
    const checker = new LinkChecker({ lookup: loopback, perHost: 2 });
    await Promise.all([checker.fetch(url('/ok')), checker.fetch(url('/ok')), checker.fetch(url('/ok#o1'))]);
    expect(seen).toEqual(['HEAD agency.go.th /ok']);
    await Promise.all(Array.from({ length: 6 }, (_, i) => checker.fetch(url(`/slow?${i}`))));
    expect(maxInFlight).toBe(2);
  });

  it('never asked the system resolver: every name went through the test\'s lookup', () => {
    expect(new Set(asked)).toEqual(new Set(['agency.go.th', 'www.agency.go.th', 'parked-domain.com']));
  });
});

describe('check --check-links', () => {
  let cli: BuiltCli;
  let file: string;
  const local = (p: string) => `http://127.0.0.1:${port}${p}`;

  beforeAll(async () => {
    cli = await buildCli();
    // An OIT checklist of ITA 2567 (its 35 items) whose website is this machine; three items published at addresses on it.
    file = path.join(dir, 'links', 'oit.xlsx');
    await fs.mkdir(path.dirname(file));
    expect(await run(['new', 'oit-checklist', '--edition', '2567', '--website', 'http://127.0.0.1', '--out', file], captureIo())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('OIT')!;
    for (let r = 2; r <= 36; r++) {
      ws.getCell(`D${r}`).value = 'สำนักปลัด';
      ws.getCell(`F${r}`).value = 'ดำเนินการแล้ว';
      ws.getCell(`G${r}`).value = local('/ok');
    }
    ws.getCell('G5').value = local('/missing');
    ws.getCell('G9').value = local('/no-head');
    // A note beside the table, linking to a page that is gone: a hyperlink shows other text.
    ws.getCell('H3').value = { text: 'ดูประกาศเดิม', hyperlink: local('/missing') };
    await wb.xlsx.writeFile(file);
  }, 120_000);
  afterAll(() => cli?.remove());

  it('one file: the dead address is an error at its cell with the status seen; without the flag nothing is fetched', async () => {
    seen.length = 0;
    const quiet = captureIo();
    expect(await run(['check', file, '--format', 'json'], quiet)).toBe(0);
    expect(seen).toEqual([]);

    const t = captureIo();
    expect(await run(['check', file, '--format', 'json', '--check-links', '--link-timeout', '2'], t)).toBe(1);
    const doc = JSON.parse(t.stdout[0]);
    expect(doc.errors).toBe(1);
    expect(doc.sheets[0].issues).toEqual([
      // Outside the checklist's URL column a dead link is a warning: the item itself is not scored on it.
      { severity: 'warning', code: 'link-broken', row: 3, column: 'H', field: null, message: `ลิงก์ ${local('/missing')} เปิดไม่ได้: เว็บไซต์ตอบ HTTP 404 Not Found`, messageEn: `${local('/missing')} answers HTTP 404 Not Found` },
      { severity: 'error', code: 'link-broken', row: 5, column: 'G', field: 'url', message: `ลิงก์ ${local('/missing')} เปิดไม่ได้: เว็บไซต์ตอบ HTTP 404 Not Found`, messageEn: `${local('/missing')} answers HTTP 404 Not Found` },
    ]);
    // 35 cells, 3 distinct addresses: each opened once (the refused HEAD asked again with GET, the 404 too).
    expect(seen.filter((s) => s.endsWith(' /ok'))).toEqual(['HEAD 127.0.0.1 /ok']);
  });

  it('many files on the worker pool: the addresses come back from the workers and are checked once for all', async () => {
    await fs.copyFile(file, path.join(dir, 'links', 'oit-สำเนา.xlsx'));
    seen.length = 0;
    const r = await cli.run(['check', path.join(dir, 'links'), '--check-links', '--report', path.join(dir, 'links.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ข้อผิดพลาด 1, คำเตือน 1 — ยังไม่พร้อมเผยแพร่');
    expect(r.stderr).toContain('ตรวจลิงก์ 3 ที่อยู่ (72 เซลล์)…');
    expect(seen.filter((s) => s.endsWith(' /missing'))).toEqual(['HEAD 127.0.0.1 /missing', 'GET 127.0.0.1 /missing']);
    const report = JSON.parse(await fs.readFile(path.join(dir, 'links.json'), 'utf8'));
    expect(report.linksChecked).toBe(true);
    expect(report.issues.map((i: { cell: string; code: string }) => `${i.cell} ${i.code}`)).toEqual(['H3 link-broken', 'G5 link-broken', 'H3 link-broken', 'G5 link-broken']);
  });
});
