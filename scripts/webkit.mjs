// WebKit for the tests: WebKitGTK's MiniBrowser through WebKitWebDriver, on a private Xvfb display
// (a new session hangs without any error when there is no display).
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { findWebKit } from './browsers.mjs';
import { startXvfb } from './xvfb.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`WebKitWebDriver did not listen on port ${port} within ${timeout} ms`);
}

/** webdriverio capabilities for MiniBrowser; classic WebDriver, as the driver refuses BiDi. */
export function webkitCapabilities(browser) {
  return {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
    'wdio:enforceWebDriverClassic': true,
  };
}

/**
 * Starts Xvfb and WebKitWebDriver; resolves with what webdriverio's remote() needs and a stop
 * function (also run when Node exits).
 */
export async function startWebKitDriver() {
  const webkit = findWebKit();
  if (!webkit) throw new Error('No WebKit: apt-get install -y webkit2gtk-driver xvfb xauth');
  const xvfb = await startXvfb({ xvfb: webkit.xvfb });
  const port = await freePort();
  const driver = spawn(webkit.driver, [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: xvfb.display },
  });
  const stopDriver = () => {
    if (driver.exitCode === null && driver.signalCode === null) driver.kill('SIGTERM');
  };
  process.once('exit', stopDriver);
  try {
    await waitForPort(port, driver);
  } catch (error) {
    stopDriver();
    xvfb.stop();
    throw error;
  }
  return {
    remoteOptions: {
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: webkitCapabilities(webkit.browser),
    },
    stop() {
      process.removeListener('exit', stopDriver);
      stopDriver();
      xvfb.stop();
    },
  };
}
