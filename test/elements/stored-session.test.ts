import { expect } from '@open-wc/testing';
import { getUser } from '@netlify/identity';
import { readStoredSession, toUser } from '../../src/store/stored-session.js';
import type { UserRecord } from '../../src/store/stored-session.js';
import {
  clearBrowserSession,
  createUser,
  freshStore,
  passwordGrant,
  resetServer,
} from './support.js';

const EMAIL = 'grace@example.com';
const PASSWORD = 'a ship in harbour is safe';

describe('the stored session, read without the identity client', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  it('gives the same user as @netlify/identity for the stored record', async () => {
    await createUser(EMAIL, PASSWORD, 'Grace Hopper');
    await freshStore().login(EMAIL, PASSWORD);
    const record = JSON.parse(localStorage.getItem('gotrue.user')!) as UserRecord;
    expect(toUser(record)).to.deep.equal(await getUser());
    expect(readStoredSession()?.user.name).to.equal('Grace Hopper');
    expect(freshStore().state.user?.email).to.equal(EMAIL);
  });

  it('reads a server-side login from the nf_jwt cookie claims', async () => {
    await createUser(EMAIL, PASSWORD, 'Grace Hopper');
    const tokens = await passwordGrant(EMAIL, PASSWORD);
    document.cookie = `nf_jwt=${tokens.access_token}; path=/; secure; samesite=lax`;
    const session = readStoredSession();
    expect(session?.record).to.equal(undefined);
    expect(session?.user.email).to.equal(EMAIL);
    expect(session?.user.name).to.equal('Grace Hopper');
  });

  it('is nothing without the nf_jwt cookie, as @netlify/identity rules', async () => {
    localStorage.setItem('gotrue.user', JSON.stringify({ id: 'x', email: 'x@example.com' }));
    expect(readStoredSession()).to.equal(null);
    expect(freshStore().state.user).to.equal(null);
  });
});
