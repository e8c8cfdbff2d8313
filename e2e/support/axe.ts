import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// The accessibility audit (decision 034): axe-core's WCAG 2.1 A and AA rules on the page as it is
// now; a serious or critical violation fails the test, named with the elements it found.

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The serious and critical violations on the page, each with (up to 5 of) its elements. */
export async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(" ")).slice(0, 5);
      return `${violation.id} (${violation.impact}): ${violation.help} → ${targets.join(" | ")}`;
    });
}

/** Records the page's serious and critical violations as a failure, and goes on to the next state. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  expect.soft(await blockingViolations(page), `${state} (${page.url()})`).toEqual([]);
}

/**
 * The portal's touch targets (issue 18: ≥ 44 px on a phone): every visible link, button and field
 * at least 44 × 44 CSS pixels (a checkbox through its label, which takes the tap too), except links
 * inside a sentence (WCAG 2.5.5's inline exception) and the skip link, only shown when focused.
 */
export async function expectTouchTargets(page: Page, state: string): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("a, button, input, select, textarea, summary")].flatMap(
      (element) => {
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) return [];
        if (getComputedStyle(element).display === "inline" && element.closest("p")) return [];
        const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
        const boxes = [box, ...labels.map((label) => label.getBoundingClientRect())];
        if (boxes.some((target) => target.width >= 44 && target.height >= 44)) return [];
        const name = (element.textContent ?? "").trim() || element.getAttribute("name") || "";
        return [
          `${element.tagName} "${name.slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        ];
      },
    ),
  );
  expect.soft(small, `${state}: touch targets under 44 px`).toEqual([]);
}
