import type { Page } from '@playwright/test';
import { createConfirmedUser, expect, lastMailTo, test } from './fixtures.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'the analytical engine';

/** Presses Tab until the focused element (through shadow roots) has this accessible text. */
async function tabTo(page: Page, name: string, limit = 20): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return (active?.getAttribute('aria-label') ?? active?.textContent ?? '').trim();
    });
    if (focused === name) return;
  }
  throw new Error(`"${name}" was not reached with Tab`);
}

test('keyboard only: log in, log out, ask for a reset link, sign up', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(cdnServer.url);
  await expect(
    page.locator('netlify-identity-menu').getByRole('button', { name: 'Log in' }),
  ).toBeVisible();

  await tabTo(page, 'Log in');
  await page.keyboard.press('Enter');
  const modal = page.locator('netlify-identity-modal');
  await expect(modal.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(EMAIL);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('netlify-identity-menu')).toContainText('Ada Lovelace');

  await tabTo(page, 'Log out');
  await page.keyboard.press('Enter');
  await expect(
    page.locator('netlify-identity-menu').getByRole('button', { name: 'Log in' }),
  ).toBeVisible();

  await tabTo(page, 'Log in');
  await page.keyboard.press('Enter');
  await expect(modal.getByLabel('Email')).toBeFocused();
  await tabTo(page, 'Forgot password?');
  await page.keyboard.press('Enter');
  await expect(modal.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(EMAIL);
  await page.keyboard.press('Enter');
  await expect(modal).toContainText('reset link is on its way');
  await lastMailTo(cdnServer, EMAIL, 'recovery');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await tabTo(page, 'Sign up');
  await page.keyboard.press('Enter');
  await expect(modal.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Grace Hopper');
  await page.keyboard.press('Tab');
  await page.keyboard.type('grace@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(modal.getByRole('status')).toContainText('we sent a confirmation link');
  await lastMailTo(cdnServer, 'grace@example.com', 'confirmation');
});
