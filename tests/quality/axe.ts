import { AxeBuilder } from "@axe-core/playwright";
import axe from "axe-core";
import type { Page } from "playwright-core";

/** The WCAG 2.0, 2.1 and 2.2 A and AA tags, the level the site is held to. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** Rules of the installed axe-core that the site is not held to, each with the reason. */
export const AXE_RULES_LEFT_OUT: Record<string, string> = {};

/**
 * Every rule of the installed axe-core for WCAG 2.2 A and AA and every best-practice rule,
 * including those axe still marks experimental (which a run by tags leaves out), less
 * deprecated rules and those in AXE_RULES_LEFT_OUT.
 */
export const AXE_RULES: string[] = axe
  .getRules()
  .filter(({ tags }) => !tags.includes("deprecated") && (tags.includes("best-practice") || tags.some((tag) => WCAG_TAGS.includes(tag))))
  .map(({ ruleId }) => ruleId)
  .filter((id) => !(id in AXE_RULES_LEFT_OUT));

/**
 * axe-core, set to run the site's rules on a page. In legacy mode it runs in the page
 * itself; the default mode runs it in each frame and then opens a blank page of the same
 * context to put the results together, which took 2.2-3.9 s a page here against 0.9-1.2 s,
 * with the same passes and violations (measured on five page types). The site's pages
 * have no frames, which is all the default mode adds.
 */
export function axeOn(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).withRules(AXE_RULES).setLegacyMode(true);
}
