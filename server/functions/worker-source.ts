// The code each function call runs in its own worker thread: a fresh module per call (so an edit
// takes effect on the next one), its console kept apart, and a runaway function stoppable.
// Plain JavaScript in a string, so it runs the same from the TypeScript sources and from dist/.
export const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const task = workerData;
const send = (message) => parentPort.postMessage(message);
const describe = (error) => (error && error.stack) || String(error);

globalThis.netlifyIdentityContext = { url: task.identity.url, token: task.identity.token };

function lambdaEvent() {
  const url = new URL('/.netlify/functions/' + task.name, task.siteOrigin);
  return {
    path: url.pathname,
    rawUrl: url.href,
    rawQuery: '',
    httpMethod: 'POST',
    headers: { 'content-type': 'application/json' },
    multiValueHeaders: { 'content-type': ['application/json'] },
    queryStringParameters: {},
    multiValueQueryStringParameters: {},
    body: task.payload,
    isBase64Encoded: false,
  };
}

function lambdaContext() {
  const identity = task.identity;
  return {
    functionName: task.name,
    callbackWaitsForEmptyEventLoop: true,
    clientContext: {
      identity,
      custom: { netlify: Buffer.from(JSON.stringify({ identity })).toString('base64') },
    },
  };
}

async function runFileNamed(mod) {
  const lambda =
    typeof mod.handler === 'function'
      ? mod.handler
      : mod.default && typeof mod.default.handler === 'function'
        ? mod.default.handler
        : undefined;
  if (lambda) {
    const result = await new Promise((resolve, reject) => {
      const callback = (error, value) => (error ? reject(error) : resolve(value));
      const returned = lambda(lambdaEvent(), lambdaContext(), callback);
      if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
      else if (lambda.length < 3) resolve(returned);
    });
    if (!result || typeof result.statusCode !== 'number') {
      throw new Error('the handler returned no statusCode');
    }
    return { status: result.statusCode, body: result.body == null ? '' : String(result.body) };
  }
  if (typeof mod.default === 'function') {
    const request = new Request(new URL('/.netlify/functions/' + task.name, task.siteOrigin), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: task.payload,
    });
    const response = await mod.default(request, { site: { url: task.siteOrigin } });
    if (!(response instanceof Response)) throw new Error('the function returned no Response');
    return { status: response.status, body: await response.text() };
  }
  throw Object.assign(new Error('it exports no handler (exports.handler, or a default function)'), {
    stage: 'export',
  });
}

async function runHandlerObject(mod) {
  const handlers = mod.default;
  const method = handlers && handlers[task.method];
  if (typeof method !== 'function') return { skipped: true };
  let denied = false;
  let reason;
  const event = {
    type: task.event,
    user: JSON.parse(task.payload),
    deny(message) {
      denied = true;
      if (typeof message === 'string') reason = message;
    },
  };
  const returned = await method.call(handlers, event);
  const user = returned && typeof returned === 'object' ? returned.user : undefined;
  return { denied, reason, user: user ? JSON.stringify(user) : undefined };
}

(async () => {
  let mod;
  try {
    mod = await import(pathToFileURL(task.bundle).href);
  } catch (error) {
    return send({ type: 'error', stage: 'load', message: describe(error) });
  }
  const config = mod.config || (mod.default && mod.default.config) || {};
  send({ type: 'loaded', background: task.background || config.background === true });
  if (task.kind === 'check') {
    const ok =
      task.functionKind === 'handler-object'
        ? mod.default && typeof mod.default === 'object'
        : typeof mod.handler === 'function' ||
          typeof mod.default === 'function' ||
          (mod.default && typeof mod.default.handler === 'function');
    return ok
      ? send({ type: 'result' })
      : send({
          type: 'error',
          stage: 'export',
          message:
            task.functionKind === 'handler-object'
              ? 'its default export is not an object of event handlers'
              : 'it exports no handler (exports.handler, or a default function)',
        });
  }
  try {
    const result =
      task.kind === 'file-named' ? await runFileNamed(mod) : await runHandlerObject(mod);
    send({ type: 'result', ...result });
  } catch (error) {
    const exported = Boolean(error && error.stage === 'export');
    send({ type: 'error', stage: exported ? 'export' : 'run', message: exported ? error.message : describe(error) });
  }
})();
`;
