/**
 * Pagefind's excerpt is HTML with the matched words in `<mark>`. It is parsed in an
 * inert document (nothing in it runs or loads), and only its text and its marks are
 * copied into the page, so no markup from the index can reach the live page.
 */
export function excerptFragment(excerpt: string, doc: Document = document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html");
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
