/**
 * Test helpers for browser tests of a case: the clerk's side in the admin app (sign in, the
 * action dialogs, antd date pickers, downloads) and the applicant's status page without JavaScript.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';

/** Types a date into an antd DatePicker and confirms it. */
export async function pickDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  // The picker's popup can still be opening when the text arrives (a slow, loaded machine):
  // type again, a few times, until the field holds the date.
  for (let attempt = 0; attempt < 4; attempt++) {
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    if ((await input.inputValue()) === date) break;
    await scope.page().waitForTimeout(250);
  }
  assert.equal(await input.inputValue(), date, `${label} should read ${date}`);
}

/** Signs in to the admin app in a fresh context (moving the test clock ends earlier sessions) and opens `hash`. */
export async function signIn(browser: Browser, base: string, username: string, password: string, hash: string, width = 1366): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/admin/#${hash}`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.locator('#main-content h1').first().waitFor();
  return page;
}

/** Clicks a case action's button, fills its dialog and confirms; the dialog must close (no refusal). */
export async function caseAction(page: Page, action: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${action}：`) });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The bytes of the download a click starts. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ bytes: Buffer; name: string }> {
  const d = page.waitForEvent('download');
  await click();
  const download = await d;
  return { bytes: await readFile((await download.path())!), name: download.suggestedFilename() };
}

/** The applicant's status page, opened with number and code, JavaScript off. */
export async function statusPage(browser: Browser, base: string, trackingNumber: string, queryCode: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${base}/ysqgk/cx/`);
  await page.getByLabel('受理编号').fill(trackingNumber);
  await page.getByLabel('查询码').fill(queryCode);
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator('#status').waitFor();
  return page;
}
