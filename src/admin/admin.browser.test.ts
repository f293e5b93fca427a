/**
 * The admin app in a real browser against the real server: a seeded SQLite database, the built
 * app under /admin/, system Chromium. Covers what an administrator relies on every day: logging
 * in (and the Chinese error for a wrong password), creating a user through the form and seeing it
 * in the table, logging out, and the new user's forced password change at first login.
 * axe-core must find no serious or critical accessibility violation on the login and users pages.
 *
 * Set ADMIN_SCREENSHOTS_DIR to a folder to keep screenshots of each screen for a human to look at.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason } from '../shared/chromium.ts';
import { useBrowserApp } from '../shared/browser-app.testing.ts';
import { seriousAxeViolations } from '../shared/axe.testing.ts';

const SCREENS = process.env.ADMIN_SCREENSHOTS_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENS) return;
  mkdirSync(SCREENS, { recursive: true });
  await page.waitForTimeout(400); // let antd's open/close animations finish
  await page.screenshot({ path: join(SCREENS, `admin-${name}.png`), fullPage: true });
}

/** A desktop-sized page whose script errors show up in the test output. */
async function openPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error(`[admin page error] ${e.message}`));
  return page;
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

describe('admin app in Chromium', { skip: chromiumSkipReason() }, () => {
  const env = useBrowserApp({ admin: true });
  const adminPassword = () => env.a.password('admin');

  it('shows the server’s Chinese message for a wrong password, and the login page passes axe', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.base}/admin/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await screenshot(page, 'login');

    await logIn(page, 'admin', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await screenshot(page, 'login-error');

    // Repeated failures lock the account; the server's message says until when (423 auth.locked).
    const alert = page.getByRole('alert');
    for (let attempt = 1; attempt <= 7 && !/已锁定/.test((await alert.innerText().catch(() => '')) ?? ''); attempt++) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await logIn(page, 'leader', `wrong-${attempt}`);
      await answered;
      await page.waitForTimeout(100); // let React render the new message
    }
    assert.match(await alert.innerText(), /账户已锁定.*后再试/);
    await screenshot(page, 'login-locked');
    await page.close();
  });

  it('logs in as the demo admin, creates a user through the form, sees it in the table, logs out', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.base}/admin/`);
    await logIn(page, 'admin', adminPassword());
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByText('石龙区人民政府', { exact: true }).first().waitFor(); // the body in the header
    await screenshot(page, 'dashboard');

    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByRole('cell', { name: 'fgw-editor', exact: true }).waitFor();
    assert.match(page.url(), /#\/system\/users$/);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await screenshot(page, 'users');

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名', { exact: true }).fill('jyj-zhou');
    await dialog.getByLabel('姓名', { exact: true }).fill('教育局 周芳');
    await dialog.getByLabel('所属单位').click();
    await page.locator('.ant-select-tree-title', { hasText: '石龙区教育局' }).click();
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '信息发布员' }).click();
    await dialog.getByRole('heading').or(dialog.locator('.ant-modal-title')).first().click(); // close the dropdown
    // A weak password is refused in the form, before anything is sent.
    await dialog.getByLabel('初始密码', { exact: true }).fill('short1');
    await dialog.getByLabel('确认初始密码').fill('short1');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('密码至少 10 个字符').waitFor();
    await screenshot(page, 'user-form');
    await dialog.getByLabel('初始密码', { exact: true }).fill('Kaifang-2026');
    await dialog.getByLabel('确认初始密码').fill('Kaifang-2026');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'jyj-zhou', exact: true }) });
    await row.waitFor();
    const rowText = await row.innerText();
    assert.match(rowText, /教育局 周芳/);
    assert.match(rowText, /石龙区教育局/);
    assert.match(rowText, /信息发布员/);
    assert.match(rowText, /启用/);
    await screenshot(page, 'users-after-create');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await page.close();
  });

  it('lets the admin add an organization, the audit administrator find it in the audit log, and the admin open every module page', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.base}/admin/#/system/organizations`);
    await logIn(page, 'admin', adminPassword());
    await page.getByRole('heading', { name: '组织机构' }).waitFor();
    await page.getByRole('cell', { name: 'shilong-jyj', exact: true }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await screenshot(page, 'organizations');

    await page.getByRole('button', { name: '新建下级 石龙区教育局' }).click();
    const dialog = page.getByRole('dialog', { name: '新建组织机构' });
    await dialog.getByLabel('机构代码').fill('shilong-jyj-yz');
    await dialog.getByLabel('机构名称').fill('石龙区第一中学');
    // A non-searchable antd Select hides its input; click the visible box of that form item.
    await dialog.locator('.ant-form-item').filter({ hasText: '机构类型' }).locator('.ant-select-selector').click();
    await page.locator('.ant-select-item-option', { hasText: '下属单位' }).click();
    await screenshot(page, 'organization-form');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'shilong-jyj-yz', exact: true }) });
    assert.match(await row.innerText(), /石龙区第一中学[\s\S]*下属单位[\s\S]*启用/);
    await screenshot(page, 'organizations-after-create');

    // 三员分立: the system administrator does not read the audit log; the audit administrator does.
    assert.equal(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).count(), 0);
    const auditPage = await openPage(env.browser);
    await auditPage.goto(`${env.base}/admin/#/system/audit`);
    await logIn(auditPage, 'auditadmin', env.a.password('auditadmin'));
    await auditPage.getByRole('heading', { name: '审计日志' }).waitFor();
    const created = auditPage.getByRole('row').filter({ hasText: '新建机构' });
    await created.waitFor();
    assert.match(await created.innerText(), /admin[\s\S]*机构 #\d+[\s\S]*石龙区第一中学/);
    assert.ok((await auditPage.getByRole('row').filter({ hasText: '登录失败' }).count()) >= 1, 'the failed login of the first test is audited');
    assert.deepEqual(await seriousAxeViolations(auditPage), []);
    await screenshot(auditPage, 'audit');
    await auditPage.close();

    // Every module in the navigation opens a page with its own heading; modules not built yet
    // say so plainly (and what they will do) instead of showing invented data.
    // The system administrator's navigation offers no business module but 主动公开 (its columns and
    // mailbox tabs); the auditor, who reads everything, opens every module.
    const adminNav = page.getByRole('navigation', { name: '主导航' });
    for (const module of ['依申请公开', '复议诉讼', '年度报告', '年报核查']) {
      assert.equal(await adminNav.getByRole('link', { name: module, exact: true }).count(), 0, `${module} is not offered to the system administrator`);
    }
    await adminNav.getByRole('link', { name: '主动公开', exact: true }).click();
    await page.getByRole('tab', { name: '栏目管理' }).waitFor();
    assert.equal(await page.getByRole('tab', { name: '信息发布' }).count(), 0, 'no drafts for the system administrator');
    await page.close();
    const reader = await openPage(env.browser);
    await reader.goto(`${env.base}/admin/`);
    await logIn(reader, 'auditor', env.a.password('auditor'));
    const nav = reader.getByRole('navigation', { name: '主导航' });
    for (const module of ['主动公开', '依申请公开', '复议诉讼', '年度报告', '年报核查']) {
      await nav.getByRole('link', { name: module, exact: true }).click();
      await reader.locator('#main-content h1').first().waitFor();
      const placeholder = reader.getByRole('heading', { name: `${module}：本模块正在建设中` });
      if (await placeholder.count()) {
        assert.ok((await reader.locator('#main-content').innerText()).length > `${module}：本模块正在建设中`.length + 10, `${module}: the placeholder says what the module will do`);
        assert.deepEqual(await seriousAxeViolations(reader), [], `${module} placeholder`);
        await screenshot(reader, 'placeholder');
      }
    }
    await reader.close();
  });

  it('makes the new user change the administrator-chosen password at first login', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.base}/admin/`);
    await logIn(page, 'jyj-zhou', 'Kaifang-2026');
    const dialog = page.getByRole('dialog', { name: '修改密码' });
    await dialog.getByText('须先修改密码').waitFor();
    await screenshot(page, 'forced-password');
    await dialog.getByLabel('当前密码').fill('Kaifang-2026');
    await dialog.getByLabel('新密码', { exact: true }).fill('Zhou-fang-2026!');
    await dialog.getByLabel('确认新密码').fill('Zhou-fang-2026!');
    await dialog.getByRole('button', { name: '确认修改' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('教育局 周芳').first().waitFor();
    // A publisher has no 系统管理 entry.
    assert.equal(await page.getByRole('menuitem', { name: '系统管理' }).count(), 0);
    await page.close();
  });

  it('lets the admin edit roles, disable and re-enable a user, and reset a password', async () => {
    const page = await openPage(env.browser);
    await page.goto(`${env.base}/admin/#/system/users`);
    await logIn(page, 'admin', adminPassword());
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'jyj-zhou', exact: true }) });
    await row.waitFor();

    await row.getByRole('button', { name: '编辑 jyj-zhou' }).click();
    const edit = page.getByRole('dialog', { name: '编辑用户：jyj-zhou' });
    await edit.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '审核人' }).click();
    await edit.locator('.ant-modal-title').click(); // close the dropdown
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('审核人').waitFor();

    await row.getByRole('button', { name: '停用 jyj-zhou' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '停用' }).click();
    // The row's own 停用 button says 停用 too: wait for the 启用 button that replaces it.
    await row.getByRole('button', { name: '启用 jyj-zhou' }).waitFor();
    assert.match(await row.innerText(), /停用[\s\S]*编辑[\s\S]*启用/);
    await row.getByRole('button', { name: '启用 jyj-zhou' }).click();
    await row.getByRole('button', { name: '停用 jyj-zhou' }).waitFor();

    await row.getByRole('button', { name: '重置密码 jyj-zhou' }).click();
    const reset = page.getByRole('dialog', { name: /重置密码/ });
    await reset.getByLabel('新密码', { exact: true }).fill('Chongzhi-2026');
    await reset.getByLabel('确认新密码').fill('Chongzhi-2026');
    await reset.getByRole('button', { name: '重置' }).click();
    await page.getByText('密码已重置，用户下次登录时须修改').waitFor();

    // On a narrow screen the side navigation folds away; the page must stay accessible there too.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    const navButton = page.getByRole('button', { name: '导航' });
    assert.equal(await navButton.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(await seriousAxeViolations(page), []);
    await screenshot(page, 'users-narrow');
    await navButton.focus();
    await page.keyboard.press('Enter'); // reachable and usable with the keyboard
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '组织机构' }).click();
    await page.getByRole('heading', { name: '组织机构' }).waitFor();
    assert.equal(await navButton.getAttribute('aria-expanded'), 'false', 'the navigation folds away after choosing a page');
    await page.close();
  });
});
