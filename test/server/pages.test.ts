// The server's own pages (the mailbox and the stand-in OAuth consent page) look like the demo and
// lead back to the site.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { type TestServer, startTestServer } from './helpers.js';

/** The text a screen reader announces for a bit of markup: tags dropped, aria-hidden parts left out. */
function accessibleText(html: string): string {
  return html
    .replace(/<(\w+)[^>]*aria-hidden="true"[^>]*>.*?<\/\1>/gs, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The colour a custom property is set to (directly, or as a `var()` fallback) first in `css`. */
function colourOf(css: string, property: string): string | undefined {
  return new RegExp(`${property}:\\s*(?:var\\([^,]+,\\s*)?(#[0-9a-f]{3,8})`, 'i').exec(css)?.[1];
}

describe("the server's own pages", () => {
  let t: TestServer;
  const pages: Record<string, string> = {};
  before(async () => {
    t = await startTestServer();
    await t.api.call('PUT', '/__dev/settings', { json: { external: { github: true } } });
    const mailbox = await fetch(`${t.api.base}/__dev/mailbox`);
    assert.equal(mailbox.status, 200);
    pages.mailbox = await mailbox.text();
    const authorize = await fetch(`${t.api.base}/authorize?provider=github`, {
      redirect: 'manual',
    });
    assert.equal(authorize.status, 302);
    const consent = await fetch(new URL(authorize.headers.get('location')!, t.server.url));
    assert.equal(consent.status, 200);
    pages.consent = await consent.text();
  });
  after(() => t.server.stop());

  it('each links back to the site, named for what it does', () => {
    for (const [name, html] of Object.entries(pages)) {
      const links = [...html.matchAll(/<a\b([^>]*)>(.*?)<\/a>/gs)].filter(([, , text]) =>
        /site/i.test(text!),
      );
      assert.equal(links.length, 1, `${name}: one link back to the site`);
      const [, attributes, text] = links[0]!;
      assert.match(attributes!, /\bhref="\/"/, name);
      assert.equal(accessibleText(text!), 'Back to the site', name);
    }
  });

  it('both use one stylesheet whose accent is the elements’ default accent, light and dark', async () => {
    const stylesheets = Object.values(pages).map((html) =>
      [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map(([, href]) => href),
    );
    assert.equal(stylesheets[0]!.length, 1);
    assert.deepEqual(stylesheets[1], stylesheets[0]);
    for (const html of Object.values(pages)) {
      assert.doesNotMatch(html, /<style|style="/, 'no page sets colours of its own');
    }

    const answer = await fetch(new URL(stylesheets[0]![0]!, t.server.url));
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type')!, /^text\/css/);
    const [light, dark] = (await answer.text()).split('@media (prefers-color-scheme: dark)');
    const pageAccent = { light: colourOf(light!, '--accent'), dark: colourOf(dark!, '--accent') };
    // The elements' defaults: DARK_VALUES holds the dark accent, the rest of the file the light one.
    const tokens = await readFile(new URL('../../src/styles/tokens.ts', import.meta.url), 'utf8');
    const darkTokens = /const DARK_VALUES = css`(.*?)`;/s.exec(tokens)![1]!;
    const elementAccent = {
      light: colourOf(tokens.replace(darkTokens, ''), '--_accent'),
      dark: colourOf(darkTokens, '--_accent'),
    };
    assert.deepEqual(pageAccent, elementAccent);
    assert.equal(pageAccent.light, '#1d4ed8');
  });
});
