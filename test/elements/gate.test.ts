import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { NetlifyIdentityGate } from '../../src/elements/gate/gate.js';
import {
  api,
  clearBrowserSession,
  createUser,
  recordEvents,
  renderWithStore,
  resetServer,
  until,
} from './support.js';

const EMAIL = 'grace@example.com';
const PASSWORD = 'a ship in port is safe';

/** Whether the page shows `element`: it is slotted, so it has boxes. */
function shown(element: Element | null): boolean {
  return !!element && element.getClientRects().length > 0;
}

function gateTemplate(roles?: string) {
  return html`<netlify-identity-gate roles=${roles ?? ''}>
    <p id="secret">Members' corner</p>
  </netlify-identity-gate>`;
}

async function giveRoles(roles: string[]): Promise<void> {
  const operator = await (await fetch('/__test__/operator-token')).text();
  const users = (await (
    await api('/admin/users', { headers: { Authorization: `Bearer ${operator}` } })
  ).json()) as { users: { id: string; email: string }[] };
  const user = users.users.find((candidate) => candidate.email === EMAIL)!;
  const answer = await api(`/admin/users/${user.id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${operator}` },
    body: JSON.stringify({ app_metadata: { roles } }),
  });
  if (!answer.ok) throw new Error(`admin update answered ${answer.status}`);
}

describe('<netlify-identity-gate>', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  it('logged out: hides its content and offers Log in, which opens the modal', async () => {
    const { element } = await renderWithStore<NetlifyIdentityGate>(gateTemplate());
    expect(shown(element.querySelector('#secret'))).to.be.false;
    const button = element.shadowRoot!.querySelector('button')!;
    expect(button.textContent?.trim()).to.equal('Log in');
    await expect(element).to.be.accessible();
    const recorder = recordEvents();
    button.click();
    await until(
      () => recorder.events.some((event) => event.type === 'netlify-identity-open'),
      'the modal opening',
    );
    const modal = document.querySelector('netlify-identity-modal')!;
    await until(() => modal.isOpen, 'the open dialog');
    modal.close();
    recorder.stop();
  });

  it('a fallback slot replaces the default', async () => {
    const { element } = await renderWithStore<NetlifyIdentityGate>(
      html`<netlify-identity-gate>
        <p id="secret">Members' corner</p>
        <p slot="fallback" id="teaser">Join to read on.</p>
      </netlify-identity-gate>`,
    );
    expect(shown(element.querySelector('#teaser'))).to.be.true;
    expect(shown(element.querySelector('#secret'))).to.be.false;
    expect(element.shadowRoot!.querySelector('button')).to.be.null;
  });

  it('shows its content to any logged-in user, and hides it again on logout', async () => {
    await createUser(EMAIL, PASSWORD);
    const { element, store } = await renderWithStore<NetlifyIdentityGate>(gateTemplate());
    await store.login(EMAIL, PASSWORD);
    await element.updateComplete;
    expect(shown(element.querySelector('#secret'))).to.be.true;
    expect(element.permitted).to.be.true;
    await expect(element).to.be.accessible();
    await store.logout();
    await element.updateComplete;
    expect(shown(element.querySelector('#secret'))).to.be.false;
  });

  it('with roles: a user without one sees a note; a role given later shows after the next refresh', async () => {
    await createUser(EMAIL, PASSWORD);
    const { element, store } = await renderWithStore<NetlifyIdentityGate>(
      gateTemplate('editor admin'),
    );
    await store.login(EMAIL, PASSWORD);
    await element.updateComplete;
    expect(shown(element.querySelector('#secret'))).to.be.false;
    const note = element.shadowRoot!.querySelector('[part="message"]');
    expect(note?.textContent).to.match(/does not have access/);
    await expect(element).to.be.accessible();

    await giveRoles(['editor']);
    await element.updateComplete;
    expect(shown(element.querySelector('#secret')), 'not before the refresh').to.be.false;

    const recorder = recordEvents();
    await store.jwt(true);
    await until(
      () => recorder.events.some((event) => event.type === 'netlify-identity-token-refresh'),
      'the refresh',
    );
    await element.updateComplete;
    expect(store.state.user?.roles).to.deep.equal(['editor']);
    expect(shown(element.querySelector('#secret'))).to.be.true;
    recorder.stop();
  });

  it('a user logged in with one of the roles sees the content at once', async () => {
    await createUser(EMAIL, PASSWORD);
    await giveRoles(['admin']);
    const { element, store } = await renderWithStore<NetlifyIdentityGate>(
      gateTemplate('editor admin'),
    );
    await store.login(EMAIL, PASSWORD);
    await element.updateComplete;
    expect(shown(element.querySelector('#secret'))).to.be.true;
    element.roles = 'editor';
    await element.updateComplete;
    expect(shown(element.querySelector('#secret')), 'roles is live').to.be.false;
  });
});
