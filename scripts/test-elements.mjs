// Component tests, one engine after the other: on a small machine three browsers side by side
// starve each other (page start-up passes 30 s), and one run per engine reports its own figures.
// Arguments go to wtr (e.g. --files test/elements/login.test.ts); TEST_BROWSERS picks engines.
import { spawn } from 'node:child_process';
import { requireEngines, selectedEngines } from './browsers.mjs';

const NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

function runWtr(engine) {
  return new Promise((resolve, reject) => {
    const child = spawn('wtr', process.argv.slice(2), {
      shell: process.platform === 'win32',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TEST_BROWSERS: engine, PATH: `node_modules/.bin:${process.env.PATH}` },
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk).slice(-4000);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const counts = [...tail.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)].pop();
      resolve({
        code,
        passed: counts?.[1] ?? '?',
        failed: counts?.[2] ?? '?',
        skipped: counts?.[3] ?? '0',
      });
    });
  });
}

try {
  const engines = selectedEngines();
  await requireEngines(engines);
  const summary = [];
  let failed = false;
  for (const engine of engines) {
    const started = Date.now();
    const result = await runWtr(engine);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    summary.push(
      `${NAMES[engine]}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped in ${seconds} s`,
    );
    if (result.code !== 0) failed = true;
  }
  console.log(`\nComponent tests\n${summary.join('\n')}`);
  process.exit(failed ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
