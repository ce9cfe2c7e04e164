import type { Page } from '@playwright/test';
import {
  createConfirmedUser,
  devSettings,
  expect,
  inviteMail,
  lastMailTo,
  recoveryMail,
  mails,
  test,
} from './fixtures.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'the analytical engine';

interface Call {
  event: string;
  email?: string;
  code?: string;
  tab?: string;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { calls: Call[] }).calls);
const eventsOf = async (page: Page) => (await calls(page)).map((call) => call.event);
/** The tab each `open` callback was given. */
const openedTabs = async (page: Page) =>
  (await calls(page)).filter((call) => call.event === 'open').map((call) => call.tab);
const menu = (page: Page) => page.locator('netlify-identity-menu');
const modal = (page: Page) => page.locator('netlify-identity-modal');

async function hasSessionCookie(page: Page): Promise<boolean> {
  return (await page.context().cookies()).some((cookie) => cookie.name === 'nf_jwt');
}

/** The session is real: refresh() gives a token the server accepts. */
async function expectRealSession(page: Page): Promise<void> {
  const status = await page.evaluate(async () => {
    const identity = (
      window as unknown as { netlifyIdentity: { refresh(force?: boolean): Promise<string> } }
    ).netlifyIdentity;
    const token = await identity.refresh(true);
    const response = await fetch('/.netlify/identity/user', {
      headers: { Authorization: `Bearer ${token}` },
    });
    return response.status;
  });
  expect(status).toBe(200);
}

async function logInThroughMenu(page: Page, email = EMAIL, password = PASSWORD): Promise<void> {
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  await modal(page).getByLabel('Email').fill(email);
  await modal(page).getByLabel('Password').fill(password);
  await modal(page).getByRole('button', { name: 'Log in' }).click();
}

test('the legacy README page: data attributes mount, init fires once with null', async ({
  page,
  cdnServer,
}) => {
  await page.goto(cdnServer.url);
  await expect(menu(page).getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(menu(page).getByRole('button', { name: 'Sign up' })).toBeVisible();
  await expect(page.locator('netlify-identity-button').getByRole('button')).toHaveAccessibleName(
    'Login with Netlify Identity',
  );
  await expect.poll(() => eventsOf(page)).toEqual(['init']);
  // No globals of its own but netlifyIdentity; gotrue-js's GoTrue (once the client part has
  // loaded) and Lit's markers are theirs.
  const added = await page.evaluate(() => {
    const blank = document.createElement('iframe');
    document.body.append(blank);
    const baseline = new Set(Object.keys(blank.contentWindow!));
    blank.remove();
    return Object.keys(window).filter((key) => !baseline.has(key));
  });
  const ours = added.filter((key) => !/^(calls|GoTrue|lit|reactiveElement)/.test(key));
  expect(ours).toEqual(['netlifyIdentity']);
});

test('signup, confirmation link, logout, login with a wrong then right password, reload', async ({
  page,
  cdnServer,
}) => {
  await page.goto(cdnServer.url);
  await menu(page).getByRole('button', { name: 'Sign up' }).click();
  await modal(page).getByLabel('Name').fill('Ada Lovelace');
  await modal(page).getByLabel('Email').fill(EMAIL);
  await modal(page).getByLabel('Password').fill(PASSWORD);
  await modal(page).getByRole('button', { name: 'Sign up' }).click();
  await expect(modal(page).getByRole('status')).toContainText('we sent a confirmation link');
  expect(await eventsOf(page)).toEqual(['init', 'open', 'signup']);

  const confirmation = await lastMailTo(cdnServer, EMAIL, 'confirmation');
  await page.goto('about:blank');
  await page.goto(confirmation.url);
  await expect(page.getByRole('dialog', { name: 'Your account' })).toBeVisible();
  await expect(modal(page)).toContainText('Your email is confirmed');
  await expect(menu(page)).toContainText('Ada Lovelace');
  expect(page.url()).not.toContain('confirmation_token');
  expect((await calls(page)).filter((call) => call.event !== 'open')).toEqual([
    { event: 'init' },
    { event: 'login', email: EMAIL },
  ]);
  expect(await openedTabs(page)).toEqual(['callback']);
  await expectRealSession(page);

  await page.keyboard.press('Escape');
  await menu(page).getByRole('button', { name: 'Log out' }).click();
  await expect(menu(page).getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(await hasSessionCookie(page)).toBe(false);
  expect((await eventsOf(page)).filter((event) => event === 'logout')).toHaveLength(1);

  await logInThroughMenu(page, EMAIL, 'not the password');
  await expect(modal(page).getByRole('alert')).toContainText('don’t match');
  await expect(modal(page).getByLabel('Email')).toHaveValue(EMAIL);
  await modal(page).getByLabel('Password').fill(PASSWORD);
  await modal(page).getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(menu(page)).toContainText('Ada Lovelace');
  const afterLogin = await calls(page);
  expect(afterLogin.filter((call) => call.event === 'login')).toHaveLength(2);
  expect(afterLogin.filter((call) => call.event === 'error').map((call) => call.code)).toEqual([
    'invalid_credentials',
  ]);
  expect(await hasSessionCookie(page)).toBe(true);

  await page.reload();
  await expect(menu(page)).toContainText('Ada Lovelace');
  await expect.poll(() => calls(page)).toEqual([{ event: 'init', email: EMAIL }]);
  const user = await page.evaluate(() => {
    const current = (
      window as unknown as { netlifyIdentity: { currentUser(): Record<string, unknown> } }
    ).netlifyIdentity.currentUser();
    return {
      email: current.email,
      name: (current.user_metadata as { full_name?: string }).full_name,
      token: typeof (current.token as { access_token?: string }).access_token,
      jwt: typeof current.jwt,
    };
  });
  expect(user).toEqual({ email: EMAIL, name: 'Ada Lovelace', token: 'string', jwt: 'function' });
});

test('forgot password: the recovery link asks for a new password, then the user is logged in', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(cdnServer.url);
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  await modal(page).getByRole('button', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('dialog', { name: 'Reset your password' })).toBeVisible();
  await modal(page).getByLabel('Email').fill(EMAIL);
  await modal(page).getByRole('button', { name: 'Send reset link' }).click();
  await expect(modal(page)).toContainText('reset link is on its way');

  const recovery = await lastMailTo(cdnServer, EMAIL, 'recovery');
  await page.goto('about:blank');
  await page.goto(recovery.url);
  await expect(page.getByRole('dialog', { name: 'Choose a new password' })).toBeVisible();
  await modal(page).getByLabel('New password', { exact: true }).fill('a new passphrase');
  await modal(page).getByRole('button', { name: 'Save password' }).click();
  await expect(modal(page)).toContainText('Your new password is saved');
  expect((await eventsOf(page)).filter((event) => event !== 'open')).toEqual([
    'init',
    'recovery',
    'login',
    'user-updated',
  ]);
  expect(await openedTabs(page)).toEqual(['recovery']);
  await expectRealSession(page);
});

test('an invitation is accepted by choosing a password', async ({ page, cdnServer }) => {
  const mail = await inviteMail(cdnServer, 'grace@example.com');
  await page.goto(mail.url);
  await expect(page.getByRole('dialog', { name: 'Accept your invitation' })).toBeVisible();
  expect(page.url()).not.toContain('invite_token');
  await modal(page).getByLabel('New password', { exact: true }).fill(PASSWORD);
  await modal(page).getByRole('button', { name: 'Create account' }).click();
  // The link named no address (GoTrue's carries only the token): the accepted invite says it.
  await expect(modal(page).getByRole('status')).toHaveText(
    'Your account grace@example.com is ready. You are logged in.',
  );
  await expect(menu(page)).toContainText('grace@example.com');
  expect((await calls(page)).filter((call) => call.event === 'login')).toEqual([
    { event: 'login', email: 'grace@example.com' },
  ]);
  expect(await openedTabs(page)).toEqual(['invite']);
  await expectRealSession(page);
});

test('OAuth from the modal: allow logs in, deny shows a readable error', async ({
  page,
  cdnServer,
}) => {
  await devSettings(cdnServer, { external: { github: true } });
  await page.goto(cdnServer.url);
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  await modal(page).getByRole('button', { name: 'Continue with GitHub' }).click();
  await page.getByLabel('Email').fill('octo@example.com');
  await page.getByLabel('Name').fill('Octo Cat');
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(menu(page)).toContainText('Octo Cat');
  expect(page.url()).not.toContain('access_token');
  expect(await eventsOf(page)).toEqual(['init', 'login']);
  await expectRealSession(page);

  await menu(page).getByRole('button', { name: 'Log out' }).click();
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  await modal(page).getByRole('button', { name: 'Continue with GitHub' }).click();
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByRole('dialog', { name: 'Access not granted' })).toBeVisible();
  await expect(modal(page).getByRole('alert')).toContainText('Access was not granted');
  expect((await calls(page)).map((call) => call.code ?? call.event)).toEqual([
    'init',
    'access_denied',
    'open',
  ]);
});

test('signups disabled: no Sign up in the menu', async ({ page, cdnServer }) => {
  await devSettings(cdnServer, { disable_signup: true });
  await page.goto(cdnServer.url);
  await expect(menu(page).getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(menu(page).getByRole('button', { name: 'Sign up' })).toHaveCount(0);
});

test('autoconfirm: signup, then login', async ({ page, cdnServer }) => {
  await devSettings(cdnServer, { autoconfirm: true });
  await page.goto(cdnServer.url);
  await expect.poll(() => eventsOf(page)).toEqual(['init']);
  await page.evaluate(() =>
    (window as unknown as { netlifyIdentity: { open(tab: string): void } }).netlifyIdentity.open(
      'signup',
    ),
  );
  await modal(page).getByLabel('Name').fill('Mary');
  await modal(page).getByLabel('Email').fill('mary@example.com');
  await modal(page).getByLabel('Password').fill(PASSWORD);
  await modal(page).getByRole('button', { name: 'Sign up' }).click();
  await expect(menu(page)).toContainText('Mary');
  await expect.poll(() => eventsOf(page)).toEqual(['init', 'open', 'signup', 'login', 'close']);
  expect((await mails(cdnServer)).length).toBe(0);
});

test('data attributes added later are mounted exactly once', async ({ page, cdnServer }) => {
  await page.goto(cdnServer.url);
  await expect(menu(page)).toHaveCount(1);
  await page.evaluate(() => {
    const late = document.createElement('div');
    late.id = 'late';
    late.setAttribute('data-netlify-identity-button', '');
    late.textContent = 'Members';
    document.body.append(late);
    // Moving a mounted node must not mount it twice.
    document.body.append(document.querySelector('[data-netlify-identity-menu]')!);
  });
  await expect(
    page.locator('#late netlify-identity-button').getByRole('button'),
  ).toHaveAccessibleName('Members');
  await expect(page.locator('netlify-identity-button')).toHaveCount(2);
  await expect(menu(page)).toHaveCount(1);
});

test('Decap CMS: the home-page snippet sends a new login to /admin/, where the CMS gets a valid token', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(`${cdnServer.url}/?decap`);
  await logInThroughMenu(page);
  await page.waitForURL(`${cdnServer.url}/admin/`);
  await expect(page.locator('#status')).toHaveText('CMS ready for Ada Lovelace (200, same token)');
});

test('Decap CMS on /admin/ with no session opens the login, then works after a reload', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(`${cdnServer.url}/admin/`);
  await expect(page.getByRole('dialog', { name: 'Log in' })).toBeVisible();
  await modal(page).getByLabel('Email').fill(EMAIL);
  await modal(page).getByLabel('Password').fill(PASSWORD);
  await modal(page).getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.reload();
  await expect(page.locator('#status')).toHaveText('CMS ready for Ada Lovelace (200, same token)');
});

test('under a strict Content-Security-Policy: login and logout without a single violation', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(`${cdnServer.url}/csp/`);
  await logInThroughMenu(page);
  await expect(menu(page)).toContainText('Ada Lovelace');
  await menu(page).getByRole('button', { name: 'Log out' }).click();
  await expect(menu(page).getByRole('button', { name: 'Log in' })).toBeVisible();
  // The styles really applied: the primary button has the accent background.
  const background = await menu(page)
    .getByRole('button', { name: 'Log in' })
    .evaluate((button) => getComputedStyle(button).backgroundColor);
  expect(background).toBe('rgb(29, 78, 216)');
  expect(
    await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  ).toEqual([]);
});

test('under a strict Content-Security-Policy with OAuth providers: their marks load and render, and OAuth logs in, without a single violation', async ({
  page,
  cdnServer,
}) => {
  await devSettings(cdnServer, { external: { github: true, google: true } });
  const violations = () =>
    page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  await page.goto(`${cdnServer.url}/csp/`);
  const marksPart = page.waitForResponse((answer) =>
    answer.url().endsWith('/netlify-identity-providers.js'),
  );
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  expect((await marksPart).status()).toBe(200);
  const google = modal(page).getByRole('button', { name: 'Continue with Google' });
  const github = modal(page).getByRole('button', { name: 'Continue with GitHub' });
  // Each mark is drawn: Google's in its own colours, GitHub's in the button's text colour.
  await expect(google.locator('svg path')).toHaveCount(4);
  await expect(github.locator('svg path')).toHaveCount(1);
  expect(
    await google
      .locator('svg path')
      .first()
      .evaluate((path) => getComputedStyle(path).fill),
  ).toBe('rgb(234, 67, 53)');
  const box = await github.locator('svg path').boundingBox();
  expect(box!.width).toBeGreaterThan(10);
  expect(box!.height).toBeGreaterThan(10);
  await expect(modal(page).getByLabel('Email')).toBeFocused();
  expect(await violations()).toEqual([]);

  await github.click();
  await page.getByLabel('Email').fill('octo@example.com');
  await page.getByLabel('Name').fill('Octo Cat');
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(menu(page)).toContainText('Octo Cat');
  expect(new URL(page.url()).pathname).toBe('/csp/');
  expect(await violations()).toEqual([]);
});

test('loaded twice, async and deferred at the end of the body: one menu, one init', async ({
  page,
  cdnServer,
}) => {
  await page.goto(`${cdnServer.url}/async.html`);
  await expect(menu(page).getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(menu(page)).toHaveCount(1);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { inits: number }).inits))
    .toBe(1);
});

test('the modal opened by the API: focus inside, Escape closes, open and close callbacks', async ({
  page,
  cdnServer,
}) => {
  await page.goto(cdnServer.url);
  await expect.poll(() => eventsOf(page)).toEqual(['init']);
  await page.locator('netlify-identity-button').getByRole('button').click();
  await expect(modal(page).getByLabel('Email')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('netlify-identity-button').getByRole('button')).toBeFocused();
  // The native dialog gives focus back itself; its close event, which the callback follows, is a
  // task of its own.
  await expect.poll(() => eventsOf(page)).toEqual(['init', 'open', 'close']);
});

test('open() with no tab: the login view for nobody, the account view for a logged-in user', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(cdnServer.url);
  await expect.poll(() => eventsOf(page)).toEqual(['init']);
  const open = () =>
    page.evaluate(() =>
      (window as unknown as { netlifyIdentity: { open(): void } }).netlifyIdentity.open(),
    );
  await open();
  await expect(page.getByRole('dialog', { name: 'Log in' })).toBeVisible();
  await modal(page).getByLabel('Email').fill(EMAIL);
  await modal(page).getByLabel('Password').fill(PASSWORD);
  await modal(page).getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(menu(page)).toContainText('Ada Lovelace');

  await open();
  await expect(page.getByRole('dialog', { name: 'Your account' })).toBeVisible();
  await expect(modal(page).getByLabel('Name')).toHaveValue('Ada Lovelace');
  await expect.poll(() => openedTabs(page)).toEqual(['login', 'account']);
});

test('the README store snippet: no token and no error when nobody is logged in, a valid token once someone is', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(cdnServer.url);
  const snippet = () =>
    page.evaluate(async () => {
      type Store = { state: { user: unknown }; start(): Promise<void>; jwt(): Promise<string> };
      const { store } = (window as unknown as { netlifyIdentity: { store: Store } })
        .netlifyIdentity;
      await store.start();
      const token = store.state.user ? await store.jwt() : null;
      if (!token) return { token, status: 0 };
      const answer = await fetch('/.netlify/identity/user', {
        headers: { Authorization: `Bearer ${token}` },
      });
      return { token: 'a token', status: answer.status };
    });
  expect(await snippet()).toEqual({ token: null, status: 0 });
  // What the guard is for: jwt() itself rejects when nobody is logged in.
  const unguarded = await page.evaluate(() =>
    (
      window as unknown as { netlifyIdentity: { store: { jwt(): Promise<string> } } }
    ).netlifyIdentity.store
      .jwt()
      .then(
        () => 'resolved',
        () => 'rejected',
      ),
  );
  expect(unguarded).toBe('rejected');

  await logInThroughMenu(page);
  await expect(menu(page)).toContainText('Ada Lovelace');
  expect(await snippet()).toEqual({ token: 'a token', status: 200 });
  await menu(page).getByRole('button', { name: 'Log out' }).click();
  await expect(menu(page).getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(await snippet()).toEqual({ token: null, status: 0 });
});

test('an implicit-grant return that belongs to another app is left alone', async ({
  page,
  cdnServer,
}) => {
  const state = encodeURIComponent(JSON.stringify({ auth_type: 'implicit' }));
  await page.goto(`${cdnServer.url}/#access_token=abc&token_type=bearer&state=${state}`);
  await expect.poll(() => eventsOf(page)).toEqual(['init']);
  expect(page.url()).toContain('access_token=abc');
});

test('init({ passwordMinLength }) sets the signup minimum, and the open form follows a later init', async ({
  page,
  cdnServer,
}) => {
  await page.goto(cdnServer.url);
  await expect.poll(() => eventsOf(page)).toEqual(['init']);
  type Api = { init(options: object): void; open(tab: string): void };
  await page.evaluate(() => {
    const identity = (window as unknown as { netlifyIdentity: Api }).netlifyIdentity;
    identity.init({ passwordMinLength: 12 });
    identity.open('signup');
  });
  const password = modal(page).getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('minlength', '12');
  await page.evaluate(() =>
    (window as unknown as { netlifyIdentity: Api }).netlifyIdentity.init({ passwordMinLength: 16 }),
  );
  await expect(password).toHaveAttribute('minlength', '16');
  await modal(page).getByLabel('Name').fill('Ada');
  await modal(page).getByLabel('Email').fill(EMAIL);
  await password.fill('fifteen chars!!');
  await modal(page).getByRole('button', { name: 'Sign up' }).click();
  await expect(modal(page).getByText('Use at least 16 characters.')).toBeVisible();
  expect(await mails(cdnServer)).toHaveLength(0);
});

test('a mail link opened in a tab already on the site (only the hash changes) is handled without a reload', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(cdnServer.url);
  await expect.poll(() => eventsOf(page)).toEqual(['init']);
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  // The client has loaded and settled on the first (empty) hash before the link arrives.
  const recovery = await recoveryMail(cdnServer, EMAIL);
  await page.evaluate((hash) => (location.hash = hash), new URL(recovery.url).hash);
  await expect(page.getByRole('dialog', { name: 'Choose a new password' })).toBeVisible();
  await modal(page).getByLabel('New password', { exact: true }).fill('a new passphrase');
  await modal(page).getByRole('button', { name: 'Save password' }).click();
  await expect(modal(page)).toContainText('Your new password is saved');
  expect(
    await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
  ).toBe(true);
  expect(await eventsOf(page)).toContain('recovery');

  // A second link in the same tab: an OAuth denial shows its own error.
  await modal(page).getByRole('button', { name: 'Close' }).click();
  await page.evaluate(() => (location.hash = '#error=access_denied&error_description=denied'));
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(modal(page)).not.toContainText('Your new password is saved');
  expect(await page.evaluate(() => location.hash)).toBe('');
});

test('an OAuth return, an invite and an email-change link in a tab already on the site are handled without a reload', async ({
  page,
  cdnServer,
}) => {
  const api = `${cdnServer.url}/.netlify/identity`;
  await devSettings(cdnServer, { external: { github: true } });
  const setHash = (url: string) =>
    page.evaluate((hash) => (location.hash = hash), new URL(url).hash);
  await page.goto(cdnServer.url);
  await expect.poll(() => eventsOf(page)).toEqual(['init']);
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  // An OAuth return: the provider sends the browser back to the site with the session in the hash.
  let answer = await fetch(`${api}/authorize?provider=github`, {
    headers: { Referer: page.url() },
    redirect: 'manual',
  });
  const consent = await fetch(new URL(answer.headers.get('location')!, cdnServer.url));
  const state = /name="state" value="([^"]+)"/.exec(await consent.text())![1]!;
  answer = await fetch(`${api}/__provider/consent`, {
    method: 'POST',
    body: new URLSearchParams({
      state,
      decision: 'allow',
      email: 'octo@example.com',
      name: 'Octo Cat',
    }),
    redirect: 'manual',
  });
  let location = new URL(answer.headers.get('location')!, cdnServer.url);
  while (location.pathname.startsWith('/.netlify/identity')) {
    answer = await fetch(location, { redirect: 'manual' });
    location = new URL(answer.headers.get('location')!, cdnServer.url);
  }
  expect(location.hash).toContain('access_token=');
  await setHash(location.href);
  await expect(menu(page)).toContainText('Octo Cat');
  expect(page.url()).not.toContain('access_token');
  expect(await eventsOf(page)).toEqual(['init', 'login']);
  await expectRealSession(page);
  await menu(page).getByRole('button', { name: 'Log out' }).click();
  await expect(menu(page).getByRole('button', { name: 'Log in' })).toBeVisible();

  await setHash((await inviteMail(cdnServer, 'grace@example.com')).url);
  await expect(page.getByRole('dialog', { name: 'Accept your invitation' })).toBeVisible();
  expect(page.url()).not.toContain('invite_token');
  await modal(page).getByLabel('New password', { exact: true }).fill(PASSWORD);
  await modal(page).getByRole('button', { name: 'Create account' }).click();
  await expect(modal(page).getByRole('status')).toHaveText(
    'Your account grace@example.com is ready. You are logged in.',
  );
  await modal(page).getByRole('button', { name: 'Close' }).click();
  await expect(menu(page)).toContainText('grace@example.com');

  // The change is asked for elsewhere (another device, the API); its link opens in this tab.
  const token = await fetch(`${api}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      username: 'grace@example.com',
      password: PASSWORD,
    }),
  }).then((answer) => answer.json() as Promise<{ access_token: string }>);
  const change = await fetch(`${api}/user`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'grace.hopper@example.com' }),
  });
  expect(change.status).toBe(200);
  await setHash((await lastMailTo(cdnServer, 'grace.hopper@example.com', 'email_change')).url);
  await expect(modal(page).getByRole('status')).toHaveText('Your email address has been changed.');
  expect(page.url()).not.toContain('email_change_token');
  await expect(menu(page)).toContainText('grace.hopper@example.com');
  expect(await eventsOf(page)).toContain('user-updated');
  await modal(page).getByRole('button', { name: 'Close' }).click();
  await expectRealSession(page);
  expect(
    await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
  ).toBe(true);
});

test('init({ passwordMinLength }) is the default of the forms placed on the page, their own attribute wins, and a later init updates them', async ({
  page,
  cdnServer,
}) => {
  await page.goto(`${cdnServer.url}/forms.html`);
  const signup = page.locator('#signup netlify-signup');
  const own = page.locator('#own netlify-signup');
  const password = signup.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('minlength', '12');
  await expect(signup.getByText('At least 12 characters.')).toBeVisible();
  await expect(own.getByLabel('Password', { exact: true })).toHaveAttribute('minlength', '10');
  await signup.getByLabel('Name').fill('Ada');
  await signup.getByLabel('Email').fill(EMAIL);
  await password.fill('eleven char');
  await signup.getByRole('button', { name: 'Sign up' }).click();
  await expect(signup.getByText('Use at least 12 characters.')).toBeVisible();
  expect(await mails(cdnServer)).toHaveLength(0);

  await page.evaluate(() =>
    (
      window as unknown as { netlifyIdentity: { init(options: object): void } }
    ).netlifyIdentity.init({ passwordMinLength: 16 }),
  );
  await expect(password).toHaveAttribute('minlength', '16');
  await expect(signup.getByText('At least 16 characters.')).toBeVisible();
  await expect(own.getByLabel('Password', { exact: true })).toHaveAttribute('minlength', '10');
  // An init without the option keeps it.
  await page.evaluate(() =>
    (
      window as unknown as { netlifyIdentity: { init(options: object): void } }
    ).netlifyIdentity.init({ namePlaceholder: 'Ada' }),
  );
  await expect(password).toHaveAttribute('minlength', '16');
});

test('init({ passwordMinLength }) reaches <netlify-account> and the recovery form of <netlify-auth-callback> on the page', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(cdnServer.url);
  await logInThroughMenu(page);
  await expect(menu(page)).toContainText('Ada Lovelace');
  await page.goto(`${cdnServer.url}/forms.html`);
  const account = page.locator('#account netlify-account');
  await expect(account.getByLabel('New password', { exact: true })).toHaveAttribute(
    'minlength',
    '12',
  );

  const recovery = await recoveryMail(cdnServer, EMAIL);
  await page.goto(`${cdnServer.url}/forms.html${new URL(recovery.url).hash}`);
  const callback = page.locator('netlify-auth-callback');
  await expect(callback.getByLabel('New password', { exact: true })).toHaveAttribute(
    'minlength',
    '12',
  );
  await expect(callback.getByText('At least 12 characters.')).toBeVisible();
});
