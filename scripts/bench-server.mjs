// Local identity server performance: cold start, and sustained /token logins and GET /user on
// loopback. Needs the build (npm run build:server). Run directly for a table, or import benchServer().
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startIdentityServer } from '../dist/server/index.js';

const CLI = fileURLToPath(new URL('../bin/netlify-identity-elements.js', import.meta.url));
const RUNS = 3;
const CLIENTS = 20;
const DURATION_MS = 3000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Spawn to the first successful GET /settings, in ms. */
async function coldStart(site) {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', site, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let output = '';
    const url = await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /Site:\s+(\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) =>
        reject(new Error(`the server exited (${code}) before starting`)),
      );
    });
    for (;;) {
      const response = await fetch(`${url}/.netlify/identity/settings`).catch(() => undefined);
      if (response?.ok) return performance.now() - started;
    }
  } finally {
    child.kill('SIGTERM');
  }
}

function send(agent, port, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Requests per second answered with 200 by CLIENTS concurrent keep-alive clients. */
async function throughput(port, method, path, headers, body) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const deadline = performance.now() + DURATION_MS;
  let ok = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const status = await send(agent, port, method, path, headers, body);
      if (status !== 200) throw new Error(`${method} ${path} answered ${status}`);
      ok++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return ok / seconds;
}

export async function benchServer() {
  const site = mkdtempSync(join(tmpdir(), 'identity-bench-'));
  const server = await startIdentityServer({ quiet: true });
  try {
    const coldStarts = [];
    for (let i = 0; i < RUNS; i++) coldStarts.push(await coldStart(site));

    const api = `${server.url}/.netlify/identity`;
    const created = await fetch(`${api}/admin/users`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${server.operatorToken}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        email: 'bench@example.com',
        password: 'bench password',
        confirm: true,
      }),
    });
    if (!created.ok) throw new Error(`could not create the bench user: ${created.status}`);
    const login = 'grant_type=password&username=bench%40example.com&password=bench+password';
    const formHeaders = {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': Buffer.byteLength(login),
    };
    const session = await (
      await fetch(`${api}/token`, { method: 'POST', headers: formHeaders, body: login })
    ).json();
    const bearer = { Authorization: `Bearer ${session.access_token}` };

    const logins = [];
    const reads = [];
    for (let i = 0; i < RUNS; i++) {
      logins.push(
        await throughput(server.port, 'POST', '/.netlify/identity/token', formHeaders, login),
      );
      reads.push(await throughput(server.port, 'GET', '/.netlify/identity/user', bearer));
    }
    return [
      {
        name: 'server cold start to first answer (CLI spawn -> GET /settings)',
        value: Math.round(median(coldStarts)),
        unit: 'ms',
      },
      {
        name: `POST /token password logins, ${CLIENTS} clients (scrypt N=16384)`,
        value: Math.round(median(logins)),
        unit: 'req/s',
      },
      {
        name: `GET /user with a bearer JWT, ${CLIENTS} clients`,
        value: Math.round(median(reads)),
        unit: 'req/s',
      },
    ];
  } finally {
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchServer();
  console.log(
    `Local identity server, median of ${RUNS} runs (${DURATION_MS / 1000} s each for throughput):`,
  );
  console.table(rows);
}
