// A private X display for WebKitGTK, which has no headless mode. Xvfb picks a free display number
// itself (-displayfd), so parallel runs on one machine never collide.
import { spawn } from 'node:child_process';

/** Starts Xvfb; resolves with its DISPLAY value and a stop function (also run when Node exits). */
export function startXvfb({ xvfb = 'Xvfb' } = {}) {
  const child = spawn(
    xvfb,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.stdio[3].on('data', (chunk) => {
      output += chunk;
      if (!output.includes('\n')) return;
      resolve({
        display: `:${output.trim()}`,
        stop: () => {
          process.removeListener('exit', stop);
          stop();
        },
      });
    });
    child.once('error', (error) => reject(new Error(`Xvfb did not start: ${error.message}`)));
    child.once('exit', (code) =>
      reject(new Error(`Xvfb exited with ${code} before it was ready: ${errors.trim()}`)),
    );
  });
}
