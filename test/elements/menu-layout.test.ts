import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { clearBrowserSession, createUser, freshStore, resetServer, until } from './support.js';

// A header rarely has room to spare: the menu's labels never wrap inside their buttons, and a long
// name is cut with an ellipsis instead of pushing the page sideways.

const LONG_NAME = 'Augusta Ada King, Countess of Lovelace and Baroness Wentworth';

/** How many lines the text of `button` (its own, or its slot's) takes. */
function linesOf(button: HTMLButtonElement): number {
  const slot = button.querySelector('slot');
  const nodes = slot ? slot.assignedNodes({ flatten: true }) : [...button.childNodes];
  const range = document.createRange();
  const tops = new Set<number>();
  for (const node of nodes) {
    if (!node.textContent?.trim()) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) tops.add(Math.round(rect.top));
  }
  return tops.size;
}

function visibleButtons(host: Element): HTMLButtonElement[] {
  return [...host.shadowRoot!.querySelectorAll('button')].filter(
    (button) => button.getClientRects().length > 0,
  );
}

async function inBox(width: string, template: ReturnType<typeof html>) {
  const store = freshStore();
  const box = await fixture<HTMLElement>(
    html`<div style="inline-size: ${width}; font-size: 16px">
      <netlify-identity-provider .store=${store}>${template}</netlify-identity-provider>
    </div>`,
  );
  await store.start();
  return { box, store };
}

describe('menu and button in a narrow box', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  it('logged out, squeezed: "Log in" and "Sign up" each stay on one line', async () => {
    const { box } = await inBox('5rem', html`<netlify-identity-menu></netlify-identity-menu>`);
    const menu = box.querySelector('netlify-identity-menu')!;
    await until(() => visibleButtons(menu).length === 2, 'Log in and Sign up');
    for (const button of visibleButtons(menu)) {
      expect(linesOf(button), button.textContent!).to.equal(1);
    }
  });

  it('a long label of the button stays on one line', async () => {
    const { box } = await inBox(
      '8rem',
      html`<netlify-identity-button>Log in with Netlify Identity</netlify-identity-button>`,
    );
    const element = box.querySelector('netlify-identity-button')!;
    await until(() => visibleButtons(element).length === 1, 'the button');
    expect(linesOf(visibleButtons(element)[0]!)).to.equal(1);
  });

  it('logged in: a long name is cut with an ellipsis on one line, the full name in its title', async () => {
    await createUser('ada@example.com', 'a long and secret passphrase', LONG_NAME);
    const { box, store } = await inBox(
      '20rem',
      html`<netlify-identity-menu></netlify-identity-menu>`,
    );
    await store.login('ada@example.com', 'a long and secret passphrase');
    const menu = box.querySelector('netlify-identity-menu')!;
    const user = await until(
      () => menu.shadowRoot!.querySelector<HTMLButtonElement>('[part="user"]')?.isConnected,
      'the user button',
    ).then(() => menu.shadowRoot!.querySelector<HTMLButtonElement>('[part="user"]')!);
    expect(user.textContent).to.equal(LONG_NAME);
    expect(user.title).to.equal(LONG_NAME);
    for (const button of visibleButtons(menu)) expect(linesOf(button)).to.equal(1);
    expect(getComputedStyle(user).textOverflow).to.equal('ellipsis');
    expect(user.scrollWidth, 'the name is cut').to.be.greaterThan(user.clientWidth);
    const boxRight = box.getBoundingClientRect().right;
    for (const button of visibleButtons(menu)) {
      expect(button.getBoundingClientRect().right).to.be.at.most(boxRight + 0.5);
    }
  });
});
