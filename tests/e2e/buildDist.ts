/**
 * Builds the task pane and preview with the project's own webpack config, in a child process (so
 * that webpack runs in plain Node, not inside jest's module system), and serves a folder on
 * 127.0.0.1 for the browser test.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

export function buildDist(outDir: string, mode: 'production' | 'development', env: NodeJS.ProcessEnv = {}): void {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const r = spawnSync(process.execPath, [cli, '--config', join(ROOT, 'webpack.config.js'), '--mode', mode, '--env', `outDir=${outDir}`], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`webpack failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
};

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a random free port; everything else (office.js, fonts online) is absent. */
export function serve(dir: string): Promise<Served> {
  const root = resolve(dir);
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((ok) => server.close(() => ok())),
      });
    });
  });
}
