/**
 * Test helper: runs axe-core (the npm package's own build) in a page and returns the serious and
 * critical violations, formatted so a failing test says what and where. The script is evaluated
 * through the DevTools protocol, so pages keep their strict CSP during the check.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await settleAnimations(page);
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Waits for the page's finite animations (a toast fading in or out, a dialog opening) to end, so
 * that axe judges what a reader sees once the page is still: a toast caught half-faded has a
 * contrast no reader is asked to read. Endless ones (a spinner) are not waited for; 3 s at most.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    const ended = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await Promise.race([ended, new Promise((done) => setTimeout(done, 3000))]);
    // An ended leave animation removes its element on the next render: let that render happen.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}
