import { expect, type Locator, type Page } from "@playwright/test";

// Keyboard-only journeys (decision 034): focus moves with Tab alone, and what is focused is visible.

/** Presses Tab until `target` has focus (at most `limit` times); fails if it never gets it. */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) {
      await expectVisibleFocus(target);
      return;
    }
  }
  throw new Error(`Tab never reached ${target.toString()} in ${limit} presses`);
}

/** The focused element shows it: an outline, a ring (box-shadow) or a changed border. */
export async function expectVisibleFocus(target: Locator): Promise<void> {
  const indicator = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
  });
  expect(indicator, `${target.toString()} shows no focus indicator`).toBe(true);
}
