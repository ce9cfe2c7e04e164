// Runs npm scripts (the server and package tests) on each supported Node line besides the one
// running this: `node scripts/node-versions.mjs test:server test:package`. The binaries come from
// the npm registry (node-<platform>-<arch>, no install script) into node_modules/.cache, once;
// they are not devDependencies because npm refuses a package built for another platform.
// NODE_VERSIONS=22 picks lines; the pins below are bumped by hand, like a lockfile entry.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const PINNED = { 22: '22.23.5', 24: '24.22.3' };
const CACHE = resolve('node_modules/.cache/node-versions');

function platformPackage() {
  const platform = { linux: 'linux', darwin: 'darwin' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!platform || !arch) {
    throw new Error(`No Node binaries on npm for ${process.platform}-${process.arch} here.`);
  }
  return `node-${platform}-${arch}`;
}

/** The bin folder of that Node version, installed from the registry on first use. */
function nodeBin(version) {
  const name = platformPackage();
  const prefix = join(CACHE, version);
  const bin = join(prefix, 'node_modules', name, 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  mkdirSync(prefix, { recursive: true });
  console.log(`Installing Node ${version} (${name}@${version} from the npm registry)`);
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      `${name}@${version}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (!existsSync(join(bin, 'node'))) throw new Error(`${name}@${version} has no bin/node`);
  return bin;
}

function selectedVersions() {
  const chosen = process.env.NODE_VERSIONS;
  if (!chosen) return Object.values(PINNED);
  return chosen.split(',').map((line) => {
    const version = PINNED[line.trim()];
    if (!version)
      throw new Error(`NODE_VERSIONS lists ${line}; use ${Object.keys(PINNED).join(', ')}.`);
    return version;
  });
}

/** Runs one npm script with `bin` first on PATH; resolves with its output and node --test's counts. */
function run(bin, command) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, {
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PATH: [bin, resolve('node_modules/.bin'), process.env.PATH].join(delimiter),
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      const count = (name) => Number(new RegExp(`^ℹ ${name} (\\d+)`, 'm').exec(output)?.[1] ?? 0);
      resolvePromise({ code, output, tests: count('tests'), pass: count('pass') });
    });
  });
}

/** One Node version's scripts, in order; its output is printed in one piece when it is done. */
async function runVersion(version, scripts, commands) {
  const bin = nodeBin(version);
  const lines = [];
  let ok = true;
  for (const script of scripts) {
    const started = Date.now();
    const result = await run(bin, commands[script]);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`\n> ${script} on Node ${version}\n${result.output}`);
    lines.push(`Node ${version} ${script}: ${result.pass}/${result.tests} passed in ${seconds} s`);
    if (result.code !== 0) {
      ok = false;
      lines[lines.length - 1] += ` (exit code ${result.code})`;
    }
  }
  return { ok, lines };
}

// `--bin 22`: prints the path of that line's node binary (installing it first), for tests that
// must run a tool on a newer Node than this one.
if (process.argv[2] === '--bin') {
  const version = PINNED[process.argv[3] ?? ''];
  if (!version) {
    console.error(`Usage: node scripts/node-versions.mjs --bin ${Object.keys(PINNED).join('|')}`);
    process.exit(2);
  }
  console.log(join(nodeBin(version), 'node'));
  process.exit(0);
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('Usage: node scripts/node-versions.mjs <npm script>...');
  process.exit(2);
}
try {
  const commands = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
  const missing = scripts.filter((script) => !commands[script]);
  if (missing.length > 0) throw new Error(`package.json has no script ${missing.join(', ')}`);
  const versions = selectedVersions();
  // Installed one after the other (npm's cache is shared), then run side by side: the tests
  // mostly wait on servers and timers, so two versions take little longer than one.
  for (const version of versions) nodeBin(version);
  const results = await Promise.all(
    versions.map((version) => runVersion(version, scripts, commands)),
  );
  console.log(`\n${results.flatMap((result) => result.lines).join('\n')}`);
  process.exit(results.every((result) => result.ok) ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
