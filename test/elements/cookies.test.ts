import { expect } from '@open-wc/testing';
import { readSessionCookies } from '../../src/store/cookies.js';
import { clearSessionCookies, writeSessionCookies } from '../../src/store/session-cookies.js';
import { dropsSecureCookies, installLoopbackCookies } from '../../src/store/loopback-cookies.js';
import { clearBrowserSession, cookie, createUser, freshStore, resetServer } from './support.js';

const EMAIL = 'katherine@example.com';
const PASSWORD = 'orbital mechanics';
// Safari's engine; the other two keep `Secure` cookies on http://localhost.
const isWebKit = !/Chrome\/|Firefox\//.test(navigator.userAgent);

interface CookieDetails {
  name: string;
  value: string;
  secure?: boolean;
}
interface CookieStoreLike {
  get(name: string): Promise<CookieDetails | null>;
}

/** The Secure flag as the browser stored it, where the Cookie Store API tells it (Chromium). */
async function storedSecureFlag(name: string): Promise<boolean | undefined> {
  const store = (window as unknown as { cookieStore?: CookieStoreLike }).cookieStore;
  return (await store?.get(name))?.secure;
}

describe('session cookies', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  it('this page is on a plain-http loopback origin', () => {
    expect(location.protocol).to.equal('http:');
    expect(location.hostname).to.equal('localhost');
  });

  it('finds by a probe that only WebKit drops Secure cookies here, and leaves no probe behind', () => {
    expect(dropsSecureCookies()).to.equal(isWebKit);
    expect(document.cookie).not.to.contain('nf_secure_probe');
  });

  it('writes, reads back and clears nf_jwt / nf_refresh in every engine', async () => {
    writeSessionCookies('header.payload.signature', 'refresh token/+=');
    expect(readSessionCookies()).to.deep.equal({
      accessToken: 'header.payload.signature',
      refreshToken: 'refresh token/+=',
    });
    if (!isWebKit) expect(await storedSecureFlag('nf_jwt')).not.to.equal(false);
    clearSessionCookies();
    expect(readSessionCookies()).to.equal(undefined);
    expect(cookie('nf_refresh')).to.equal(undefined);
  });

  it('keeps Secure where the engine allows it (the Cookie Store API shows the flag)', async function () {
    const store = (window as unknown as { cookieStore?: CookieStoreLike }).cookieStore;
    writeSessionCookies('a.b.c', 'refresh');
    const flag = await store?.get('nf_jwt');
    if (flag?.secure === undefined) this.skip();
    expect(flag.secure).to.equal(!isWebKit);
    expect(await storedSecureFlag('nf_refresh')).to.equal(!isWebKit);
  });

  it("lets @netlify/identity's own Secure writes of the session cookies through, and no others", () => {
    installLoopbackCookies();
    installLoopbackCookies();
    document.cookie = 'nf_jwt=from-the-library; path=/; secure; samesite=lax';
    document.cookie = 'nf_other_secure=1; path=/; secure; samesite=lax';
    expect(cookie('nf_jwt')).to.equal('from-the-library');
    // Other cookies are the page's business: WebKit still drops those.
    expect(cookie('nf_other_secure')).to.equal(isWebKit ? undefined : '1');
    document.cookie =
      'nf_jwt=; path=/; secure; samesite=lax; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    document.cookie =
      'nf_other_secure=; path=/; secure; samesite=lax; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    expect(cookie('nf_jwt')).to.equal(undefined);
  });

  it('a login survives a new page load: a new store restores it from what the first one wrote', async () => {
    await createUser(EMAIL, PASSWORD);
    await freshStore().login(EMAIL, PASSWORD);
    expect(cookie('nf_jwt')).to.be.a('string');
    expect(cookie('nf_refresh')).to.be.a('string');
    const store = freshStore();
    await store.start();
    expect(store.state.user?.email).to.equal(EMAIL);
    expect(cookie('nf_jwt')).to.be.a('string');
  });
});
