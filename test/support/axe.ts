// Accessibility as axe-core sees it (@axe-core/playwright), run once the page's data is on
// screen: a serious or critical violation fails the test and names the rule and the elements.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Colours are judged as they settle, not halfway through a menu's fade.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  const { violations } = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).slice(0, 5).join(' | ')}`);
  expect(grave, `accessibility of ${what}`).toEqual([]);
}
