// Local identity server performance: cold start; requests per second and latency (p50/p99) at 50
// concurrent keep-alive clients for /settings, /token, /user and /signup, with an empty data file
// and with 20,000 users; the server's RSS after the run. The server runs in its own process.
// Needs the build (npm run build:server). BENCH_SERVER_CLI=path runs another build of the CLI
// (e.g. an older one, for a before/after comparison).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI =
  process.env.BENCH_SERVER_CLI ??
  fileURLToPath(new URL('../bin/netlify-identity-elements.js', import.meta.url));
const COLD_RUNS = 3;
const CLIENTS = 50;
const DURATION_MS = 4000;
const MANY_USERS = 20_000;
const OPERATOR = 'bench-operator-token';
const EMAIL = 'bench@example.com';
const PASSWORD = 'bench password';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** A data file in the first (JSON) format, which every version reads: `count` confirmed users. */
function writeUsers(file, count) {
  const salt = randomBytes(16);
  const key = scryptSync(PASSWORD, salt, 64, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const passwordHash = [
    'scrypt',
    16384,
    8,
    1,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
  const now = new Date().toISOString();
  const users = [];
  for (let i = 0; i < count; i++) {
    users.push({
      id: randomUUID(),
      aud: '',
      role: '',
      email: i === count - 1 ? EMAIL : `user${i}@example.com`,
      passwordHash,
      confirmedAt: now,
      appMetadata: { provider: 'email' },
      userMetadata: { full_name: `User ${i}` },
      createdAt: now,
      updatedAt: now,
    });
  }
  const secret = randomBytes(32).toString('base64');
  writeFileSync(file, JSON.stringify({ version: 1, secret, users, refreshTokens: [] }));
}

/** Spawns the CLI; resolves with its URL and child once GET /settings answers, and the time that took. */
async function startServer(site, args = []) {
  const help = await new Promise((resolve) => {
    let text = '';
    const child = spawn(process.execPath, [CLI, '--help'], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('exit', () => resolve(text));
  });
  // Throttling guards real logins; the bench logs in thousands of times on purpose.
  const extra = help.includes('--no-throttle') ? ['--no-throttle'] : [];
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', site, '--port', '0', ...args, ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, IDENTITY_OPERATOR_TOKEN: OPERATOR },
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Site:\s+(\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before starting`)));
  });
  for (;;) {
    const response = await fetch(`${url}/.netlify/identity/settings`).catch(() => undefined);
    if (response?.ok) break;
  }
  return { child, url, port: Number(new URL(url).port), startMs: performance.now() - started };
}

async function stopServer(server) {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
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

/** CLIENTS keep-alive clients for DURATION_MS: answers per second and latency percentiles. */
async function load(port, makeRequest) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const deadline = performance.now() + DURATION_MS;
  const latencies = [];
  const client = async () => {
    while (performance.now() < deadline) {
      const { method, path, headers, body } = makeRequest();
      const sent = performance.now();
      const status = await send(agent, port, method, path, headers, body);
      if (status !== 200) throw new Error(`${method} ${path} answered ${status}`);
      latencies.push(performance.now() - sent);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rate: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

const form = (fields) => new URLSearchParams(fields).toString();

async function loginTimes(port, username, runs = 15) {
  const agent = new Agent({ keepAlive: true });
  const body = form({ grant_type: 'password', username, password: 'not the password' });
  const headers = {
    'Content-Type': 'application/x-www-form-urlencoded',
    'Content-Length': Buffer.byteLength(body),
  };
  const times = [];
  for (let i = 0; i < runs; i++) {
    const sent = performance.now();
    await send(agent, port, 'POST', '/.netlify/identity/token', headers, body);
    times.push(performance.now() - sent);
  }
  agent.destroy();
  return median(times);
}

async function scenario(site, label, args) {
  const server = await startServer(site, args);
  try {
    const login = form({ grant_type: 'password', username: EMAIL, password: PASSWORD });
    const loginHeaders = {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': Buffer.byteLength(login),
    };
    const api = `${server.url}/.netlify/identity`;
    if (!args.length || label.startsWith('empty')) {
      const created = await fetch(`${api}/admin/users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${OPERATOR}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD, confirm: true }),
      });
      if (!created.ok) throw new Error(`could not create the bench user: ${created.status}`);
    }
    const session = await (
      await fetch(`${api}/token`, { method: 'POST', headers: loginHeaders, body: login })
    ).json();
    const bearer = { Authorization: `Bearer ${session.access_token}` };
    let signups = 0;
    const results = {
      'GET /settings': await load(server.port, () => ({
        method: 'GET',
        path: '/.netlify/identity/settings',
      })),
      'GET /user (bearer JWT)': await load(server.port, () => ({
        method: 'GET',
        path: '/.netlify/identity/user',
        headers: bearer,
      })),
      'POST /token (password login)': await load(server.port, () => ({
        method: 'POST',
        path: '/.netlify/identity/token',
        headers: loginHeaders,
        body: login,
      })),
      'POST /signup': await load(server.port, () => {
        const body = JSON.stringify({
          email: `signup-${process.pid}-${signups++}@example.com`,
          password: 'signup password',
        });
        return {
          method: 'POST',
          path: '/.netlify/identity/signup',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
          },
          body,
        };
      }),
    };
    const known = await loginTimes(server.port, EMAIL);
    const unknown = await loginTimes(server.port, 'nobody-here@example.com');
    return { results, rss: rssMb(server.child.pid), known, unknown, startMs: server.startMs };
  } finally {
    await stopServer(server);
  }
}

export async function benchServer() {
  const site = mkdtempSync(join(tmpdir(), 'identity-bench-'));
  try {
    const coldStarts = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const server = await startServer(site);
      coldStarts.push(server.startMs);
      await stopServer(server);
    }
    const rows = [
      {
        name: 'Server cold start to first answer (CLI spawn to `GET /settings`)',
        value: Math.round(median(coldStarts)),
        unit: 'ms',
      },
    ];
    const many = join(site, 'many-users.json');
    writeUsers(many, MANY_USERS);
    const runs = [
      ['empty', await scenario(site, 'empty', ['--data', join(site, 'empty.json')])],
      [`${MANY_USERS.toLocaleString('en')} users`, await scenario(site, 'many', ['--data', many])],
    ];
    for (const [label, run] of runs) {
      for (const [route, { rate, p50, p99 }] of Object.entries(run.results)) {
        rows.push({
          name: `${route}, ${CLIENTS} clients, ${label}`,
          value: Math.round(rate),
          unit: `req/s (p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms)`,
        });
      }
      rows.push({
        name: `Wrong-password login, known vs unknown account, ${label} (median of 15)`,
        value: `${run.known.toFixed(1)} / ${run.unknown.toFixed(1)}`,
        unit: 'ms',
      });
      rows.push({
        name: `Server RSS after the run, ${label}`,
        value: Math.round(run.rss),
        unit: 'MB',
      });
    }
    rows.push({
      name: `Server start to first answer with ${MANY_USERS.toLocaleString('en')} users`,
      value: Math.round(runs[1][1].startMs),
      unit: 'ms',
    });
    return rows;
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchServer();
  console.log(
    `Local identity server (cold start: median of ${COLD_RUNS}; load: ${DURATION_MS / 1000} s each):`,
  );
  for (const row of rows) console.log(`| ${row.name} | ${row.value} ${row.unit} |`);
}
