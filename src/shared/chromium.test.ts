import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumSkipReason, launchChromium } from './chromium.ts';

describe('system Chromium', () => {
  it('skips loudly only outside CI when the browser is missing', (t) => {
    const ci = process.env.CI;
    const warnings: string[] = [];
    t.mock.method(console, 'warn', (msg: string) => warnings.push(msg));
    try {
      delete process.env.CI;
      const reason = chromiumSkipReason('/nonexistent/chromium');
      assert.match(String(reason), /Chromium not found at \/nonexistent\/chromium: install the Debian packages chromium and fonts-noto-cjk/);
      assert.match(warnings.join(''), /SKIPPING BROWSER TEST/);
      process.env.CI = 'true';
      assert.equal(chromiumSkipReason('/nonexistent/chromium'), false, 'under CI the test runs and fails');
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });

  it('launches and renders CJK text with a CJK font', { skip: chromiumSkipReason() }, async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="p" style="font-family: \'Noto Serif CJK SC\', serif">政府信息公开</p>');
      assert.equal(await page.textContent('#p'), '政府信息公开');
      // Ask the renderer which platform font drew the glyphs (tofu would come from no CJK font).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#p' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      assert.deepEqual(fonts.map((f) => [f.familyName, f.glyphCount]), [['Noto Serif CJK SC', 6]]);
    } finally {
      await browser.close();
    }
  });
});
