/**
 * Pagefind (1.6 and later) searches in a web worker it starts with
 * `new Worker("<base>pagefind-worker.js")`. Under the site's CSP that constructor is a
 * Trusted Types sink and takes no plain string, and Pagefind's code cannot be changed to
 * pass a trusted one, so the page sets Trusted Types' `default` policy, which the browser
 * consults for such a string. It turns exactly one URL into a script URL, the worker beside
 * the Pagefind script this page loads, on this origin, and refuses every other; it defines
 * nothing for HTML or script text, so those sinks stay closed.
 */
export const WORKER_POLICY = "default";

interface ScriptUrlPolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): unknown;
}

let set = false;

/** `pagefindScript` is the address the page imports Pagefind from (data-pagefind on the search root). */
export function allowPagefindWorker(pagefindScript: string): void {
  const trustedTypes = (globalThis as { trustedTypes?: ScriptUrlPolicyFactory }).trustedTypes;
  if (!trustedTypes || set) return;
  const worker = new URL("pagefind-worker.js", new URL(pagefindScript, document.baseURI));
  trustedTypes.createPolicy(WORKER_POLICY, {
    createScriptURL(input) {
      const url = new URL(input, document.baseURI);
      if (url.origin === location.origin && url.pathname === worker.pathname && !url.search && !url.hash) return input;
      throw new TypeError(`${input} is not Pagefind's worker, so it may not run as a script`);
    },
  });
  set = true;
}
