import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { EventFunction } from './files.js';
import { WORKER_SOURCE } from './worker-source.js';

export interface RunTask {
  kind: 'check' | 'file-named' | 'handler-object';
  event?: string;
  method?: string;
  /** JSON text: the request body (file-named) or the parsed user (handler object). */
  payload?: string;
  siteOrigin: string;
  identity: { url: string; token: string };
}

export type RunOutcome =
  | {
      type: 'result';
      background: boolean;
      status?: number;
      body?: string;
      skipped?: boolean;
      denied?: boolean;
      reason?: string;
      user?: string;
    }
  | { type: 'error'; stage: 'build' | 'load' | 'export' | 'run' | 'timeout'; message: string };

export interface RunnerOptions {
  /** Where bundles are written, so the function's own imports resolve from the site's node_modules. */
  cacheDir: string;
  timeoutMs: number;
  log: (line: string) => void;
  logError: (line: string) => void;
}

/** How long a background function may run (Netlify's limit). */
const BACKGROUND_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * Bundles a function with its local imports (TypeScript included: esbuild strips the types), keeping
 * packages as imports. Content-addressed, so an edited function, or an edited helper, is new code.
 */
async function bundle(fn: EventFunction, cacheDir: string): Promise<string> {
  const result = await build({
    entryPoints: [fn.file],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // CommonJS functions call require() and read __dirname, which an ES module lacks.
    banner: {
      js: [
        `import { createRequire as __identityCreateRequire } from 'node:module';`,
        `globalThis.require ??= __identityCreateRequire(${JSON.stringify(fn.file)});`,
        `globalThis.__filename ??= ${JSON.stringify(fn.file)};`,
        `globalThis.__dirname ??= ${JSON.stringify(dirname(fn.file))};`,
      ].join('\n'),
    },
  });
  const code = result.outputFiles[0]!.contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = join(cacheDir, `${fn.name}-${hash}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, code);
  }
  return file;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim();
}

/** Runs one call of `fn` in a worker thread; never throws, the outcome says what happened. */
export class FunctionRunner {
  constructor(private readonly options: RunnerOptions) {}

  /**
   * Resolves once the call is decided: with the result for a synchronous function, and as soon as
   * a background function has loaded (its result is only logged).
   */
  async run(fn: EventFunction, task: RunTask): Promise<RunOutcome> {
    let bundlePath: string;
    try {
      bundlePath = await bundle(fn, this.options.cacheDir);
    } catch (error) {
      const errors = (error as { errors?: Array<{ text: string; location?: { line: number } }> })
        .errors;
      const message = errors?.length
        ? errors.map((e) => `${e.text}${e.location ? ` (line ${e.location.line})` : ''}`).join('; ')
        : (error as Error).message;
      return { type: 'error', stage: 'build', message };
    }
    return this.start(fn, bundlePath, task);
  }

  private start(fn: EventFunction, bundlePath: string, task: RunTask): Promise<RunOutcome> {
    const prefix = `[${fn.name}]`;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      stdout: true,
      stderr: true,
      workerData: {
        ...task,
        bundle: bundlePath,
        name: fn.name,
        functionKind: fn.kind,
        background: fn.background,
      },
    });
    createInterface({ input: worker.stdout }).on('line', (line) =>
      this.options.log(`${prefix} ${line}`),
    );
    createInterface({ input: worker.stderr }).on('line', (line) =>
      this.options.logError(`${prefix} ${line}`),
    );

    return new Promise<RunOutcome>((resolve) => {
      let background = false;
      let settled = false;
      let done = false;
      const finish = (outcome: RunOutcome): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        void worker.terminate();
        if (background) {
          if (outcome.type === 'error')
            this.options.logError(`${prefix} background run failed: ${outcome.message}`);
          else if (outcome.status !== undefined && ![200, 202, 204].includes(outcome.status))
            this.options.logError(`${prefix} background run answered ${outcome.status}`);
        }
        if (!settled) {
          settled = true;
          resolve(outcome);
        }
      };
      let timer = setTimeout(
        () =>
          finish({
            type: 'error',
            stage: 'timeout',
            message: `timed out after ${this.options.timeoutMs / 1000} s`,
          }),
        this.options.timeoutMs,
      );
      worker.on('message', (message: RunOutcome | { type: 'loaded'; background: boolean }) => {
        if (message.type === 'loaded') {
          if (message.background && task.kind !== 'check') {
            background = true;
            settled = true;
            clearTimeout(timer);
            timer = setTimeout(
              () => finish({ type: 'error', stage: 'timeout', message: 'timed out after 15 min' }),
              BACKGROUND_TIMEOUT_MS,
            );
            resolve({ type: 'result', background: true });
          }
          return;
        }
        finish(message.type === 'result' ? { ...message, background } : message);
      });
      worker.on('error', (error) =>
        finish({ type: 'error', stage: 'run', message: error.stack ?? String(error) }),
      );
      worker.on('exit', () =>
        finish({ type: 'error', stage: 'run', message: 'the function exited before answering' }),
      );
    });
  }
}

export { firstLine };
