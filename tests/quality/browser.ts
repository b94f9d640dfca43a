import { existsSync } from "node:fs";
import type { Page, Request } from "playwright-core";
import { CHROMIUM, isOfflineFont } from "../../src/bench/chromium.ts";

/**
 * Browser tests are part of `npm test`. They are left out only when someone says so
 * out loud with RI_SKIP_BROWSER_TESTS=1; a missing browser is otherwise an error.
 */
export const browserTestsOptedOut = process.env.RI_SKIP_BROWSER_TESTS === "1";

/** What to do about a missing browser, in the one line `npm test` ends with (tests/run.ts). */
export const MISSING_CHROMIUM =
  `Chromium was not found at ${CHROMIUM}, so the browser tests did not run: install it with "sudo apt-get install -y chromium" ` +
  "(or set CHROMIUM_PATH to it), or set RI_SKIP_BROWSER_TESTS=1 to leave them out on purpose.";

export const chromiumMissing = !browserTestsOptedOut && !existsSync(CHROMIUM);

/**
 * Every browser suite is skipped at once, as a whole, when there is no browser to run it
 * in: one skipped suite each rather than every test failing or cancelled in turn. The run
 * still fails, with MISSING_CHROMIUM as the last line of its output (tests/run.ts).
 */
export const browserSkip: string | false = browserTestsOptedOut ? "RI_SKIP_BROWSER_TESTS=1 was set" : chromiumMissing ? `no Chromium at ${CHROMIUM}` : false;

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  cspViolations: string[];
}

/** Records every console error, failed request and CSP violation a page causes. */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], cspViolations: [] };
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    const location = message.location().url;
    if (isOfflineFont(location) || /assets\.nhs\.uk/.test(text)) return;
    if (/Content Security Policy|CSP violation/i.test(text)) problems.cspViolations.push(text);
    else problems.consoleErrors.push(`${text}${location ? ` (${location})` : ""}`);
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(error.message));
  // A request the page's own navigation cut short (an icon still loading when a form is
  // submitted) is aborted by the browser, not failed by the site: it is not a problem.
  let navigations = 0;
  const startedDuring = new WeakMap<Request, number>();
  page.on("request", (request) => {
    // Counted when a navigation's request starts, which is before it aborts the old page's requests.
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations++;
    startedDuring.set(request, navigations);
  });
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "";
    const cutShortByNavigation = error.includes("ERR_ABORTED") && navigations > (startedDuring.get(request) ?? navigations);
    // The browser fetches the tab's icon for itself, after the page, and drops the fetch when
    // the tab moves on (seen once in CI: favicon.svg aborted on a reused tab). A missing icon
    // still shows here as its HTTP 404.
    const iconDropped = error.includes("ERR_ABORTED") && /\/favicon\.(svg|ico)$/.test(new URL(request.url()).pathname);
    if (!isOfflineFont(request.url()) && !cutShortByNavigation && !iconDropped) problems.failedRequests.push(`${request.url()}: ${error}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  return problems;
}

/**
 * Waits, after a page's load event, until it has no request in flight over two animation
 * frames: what `networkidle` tells, without its fixed half second of quiet a page.
 * `whenIdle` must be set up before the page's navigation.
 */
export function trackRequests(page: Page): { whenIdle(timeout?: number): Promise<void> } {
  const inFlight = new Set<Request>();
  let changed: () => void = () => {};
  const done = (request: Request) => {
    inFlight.delete(request);
    changed();
  };
  page.on("request", (request) => inFlight.add(request));
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return {
    async whenIdle(timeout = 30_000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        if (inFlight.size === 0) return;
        if (Date.now() > deadline) throw new Error(`still loading after ${timeout} ms: ${[...inFlight].map((request) => request.url()).join(", ")}`);
        await new Promise<void>((resolve) => {
          changed = resolve;
          setTimeout(resolve, Math.max(0, deadline - Date.now()));
        });
      }
    },
  };
}
