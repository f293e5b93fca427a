// The report page as a browser shows and prints it: accessibility (axe-core), the CJK fonts
// actually used, and tables that fit the A4 type area without overflowing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { shilong2022 } from '../../report/fixtures/shilong-2022.ts';
import { chromiumSkipReason, launchChromium } from '../../shared/chromium.ts';
import { renderReportCharts } from '../charts/report-charts.ts';
import { renderReportHtml } from './report-page.ts';

const skip = chromiumSkipReason();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`);
  });
  return result;
}

async function fontsOf(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return [...new Set(fonts.map((f) => f.familyName))];
}

describe('report page in the browser', { skip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('has no accessibility violations', async () => {
    const page = await browser.newPage();
    await page.setContent(renderReportHtml(shilong2022).document);
    assert.deepEqual(await axeViolations(page), []);
    await page.setContent(renderReportCharts(shilong2022).document);
    assert.deepEqual(await axeViolations(page), [], '图解 page');
  });

  it('sets the body in a serif CJK font and the headings in a bold sans CJK font', async () => {
    const page = await browser.newPage();
    await page.setContent(renderReportHtml(shilong2022).document);
    assert.deepEqual(await fontsOf(page, '#section-一 p'), ['Noto Serif CJK SC']);
    assert.deepEqual(await fontsOf(page, '#section-一 h2'), ['Noto Sans CJK SC']);
    assert.deepEqual(await fontsOf(page, 'table[data-section="三"] th.note'), ['Noto Serif CJK SC']);
  });

  it('fits every table in the A4 type area when printed (156 mm wide)', async () => {
    // 156 mm at 96 px/in ≈ 590 px: the width left by the 28 mm and 26 mm side margins.
    const page = await browser.newPage({ viewport: { width: 590, height: 900 } });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(renderReportHtml(shilong2022).document);
    const widths = await page.$$eval('table', (ts) => ts.map((t) => [t.getAttribute('data-section'), Math.round(t.getBoundingClientRect().width)]));
    assert.equal(widths.length, 3);
    for (const [section, w] of widths) assert.ok(Number(w) <= 590, `table ${section}: ${w}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 590, `page scrolls sideways: ${overflow}px`);
  });
});
