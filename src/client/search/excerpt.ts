/**
 * Pagefind's excerpt is HTML with the matched words in `<mark>`. It is parsed in an
 * inert document (nothing in it runs or loads), and only its text and its marks are
 * copied into the page, so no markup from the index can reach the live page.
 */

/** The part of the Trusted Types API used here (TypeScript's DOM types do not have it yet). */
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string }): { createHTML(input: string): string };
}

/**
 * The site's pages require Trusted Types (src/publish/csp.ts): HTML from a string is refused
 * unless it passes a named policy. This is the one policy, and it is used for nothing but
 * the inert parse below, whose result is copied as text.
 */
export const EXCERPT_POLICY = "ri-search-excerpt";
let policy: { createHTML(input: string): string } | undefined;
const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
const inertHtml = (html: string): string => {
  if (!trustedTypes) return html;
  policy ??= trustedTypes.createPolicy(EXCERPT_POLICY, { createHTML: (input) => input });
  return policy.createHTML(html);
};

export function excerptFragment(excerpt: string, doc: Document = document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(inertHtml(`<body>${excerpt}</body>`), "text/html");
  const fragment = doc.createDocumentFragment();
  const copy = (node: Node, into: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        into.appendChild(doc.createTextNode(child.textContent ?? ""));
      } else if (child.nodeName === "MARK") {
        const mark = doc.createElement("mark");
        mark.textContent = child.textContent ?? "";
        into.appendChild(mark);
      } else {
        copy(child, into);
      }
    }
  };
  copy(parsed.body, fragment);
  return fragment;
}
