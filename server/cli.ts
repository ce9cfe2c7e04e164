import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startIdentityServer } from './index.js';

const HELP = `Usage: netlify-identity-elements serve [dir] [options]

Serves the static files in dir (default: .) with a local Netlify Identity API at /.netlify/identity,
applying the site's _redirects (in dir) and netlify.toml rules (in the current folder), Role=
conditions included, and calling its Identity event functions. /netlify-identity.js, its parts and
its languages come from this package's own build when dir has none of its own.

Options:
  --port N      port to listen on (default: $PORT or 8888; 0 picks a free port)
  --host H      interface to bind (default: 127.0.0.1)
  --data FILE   keep users and sessions in this file (default: $IDENTITY_DATA_FILE, else memory);
                every change is on disk before it is answered, and one server at a time uses it
  --functions DIR
                the Identity event functions (default: [functions] directory in netlify.toml,
                else netlify/functions)
  --allowed-host NAME
                answer this Host besides localhost and IP addresses (repeatable; ".example.test"
                allows its subdomains); any other Host gets 403
  --site-url URL
                the origin mail links and OAuth returns point at (default: this server's own)
  --no-throttle turn off the failed-login limits (per account and per client)
  --no-dev      turn off the /.netlify/identity/__dev/ controls and the mailbox
  -h, --help    show this help

The operator token for admin calls is $IDENTITY_OPERATOR_TOKEN, else a new random one each start.`;

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`Invalid port: ${text}`);
  return port;
}

function parseSiteUrl(text: string): string {
  if (!URL.canParse(text) || !/^https?:$/.test(new URL(text).protocol)) {
    throw new Error(`Invalid --site-url: ${text} (expected http://host[:port] or https://...)`);
  }
  return text;
}

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      'site-url': { type: 'string' },
      'no-throttle': { type: 'boolean' },
      functions: { type: 'string' },
      'no-dev': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, dir = '.', ...extra] = positionals;
  if (values.help || command === undefined) {
    console.log(HELP);
    return;
  }
  if (command !== 'serve')
    throw new Error(`Unknown command: ${command}. Run with --help for usage.`);
  if (extra.length > 0)
    throw new Error(`Unexpected argument: ${extra[0]}. Run with --help for usage.`);

  const root = resolve(dir);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(`Not a directory: ${dir}`);

  const server = await startIdentityServer({
    root,
    port: parsePort(values.port ?? process.env.PORT ?? '8888'),
    host: values.host,
    dataFile: values.data ?? (process.env.IDENTITY_DATA_FILE || undefined),
    dev: !values['no-dev'],
    allowedHosts: values['allowed-host'] ?? [],
    siteUrl: values['site-url'] && parseSiteUrl(values['site-url']),
    loginThrottle: values['no-throttle'] ? false : undefined,
    functions: values.functions,
  });

  console.log(`Serving ${dir} with a local Netlify Identity

  Site:            ${server.url}
${values['no-dev'] ? '' : `  Mailbox:         ${server.mailboxUrl}\n`}  Operator token:  ${server.operatorToken}

Press Ctrl+C to stop.`);

  const stop = (): void => {
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
