import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import MarkdownIt from "markdown-it";
import { headings } from "../src/cms/editors-guide.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const markdown = new MarkdownIt();

/** The project's own documents: a link between them that leads nowhere is a newcomer's dead end. */
const DOCUMENTS = [
  "README.md",
  "EDITING.md",
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
  ...readdirSync(path.join(ROOT, "src"))
    .filter((name) => existsSync(path.join(ROOT, "src", name, "README.md")))
    .map((name) => `src/${name}/README.md`),
];

/** Every link and image address in a markdown file, as markdown-it reads it (code spans and fences hold none). */
function addresses(source: string): string[] {
  const found: string[] = [];
  const visit = (tokens: ReturnType<MarkdownIt["parse"]>) => {
    for (const token of tokens) {
      const address = token.type === "link_open" ? token.attrGet("href") : token.type === "image" ? token.attrGet("src") : null;
      if (address !== null) found.push(address);
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(source, {}));
  return found;
}

const anchorsOf = (file: string) => new Set(headings(readFileSync(file, "utf8")).map((heading) => heading.anchor));

describe("links between the project's documents", () => {
  it("covers README, EDITING.md, docs/ and every src/ folder's README", () => {
    assert.ok(DOCUMENTS.includes("docs/architecture.md") && DOCUMENTS.includes("src/content/README.md"), DOCUMENTS.join(", "));
  });

  it("keeps README a five-minute read: at most 10 kB, the rest in docs/", () => {
    const size = statSync(path.join(ROOT, "README.md")).size;
    assert.ok(size <= 10 * 1024, `README.md is ${size} bytes: move detail into docs/ and link to it`);
  });

  for (const document of DOCUMENTS) {
    it(`${document}: every relative link and image resolves, anchors included`, () => {
      const file = path.join(ROOT, document);
      const broken: string[] = [];
      for (const address of addresses(readFileSync(file, "utf8"))) {
        // Other sites, and the website's own addresses (/news/...), which the site's link check covers.
        if (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith("/")) continue;
        const [target = "", fragment] = address.split("#");
        const resolved = target ? path.resolve(path.dirname(file), decodeURIComponent(target)) : file;
        if (!existsSync(resolved)) {
          broken.push(`${address}: no file ${path.relative(ROOT, resolved)}`);
          continue;
        }
        if (fragment && statSync(resolved).isFile() && resolved.endsWith(".md") && !anchorsOf(resolved).has(fragment)) {
          broken.push(`${address}: ${path.relative(ROOT, resolved)} has no heading #${fragment}`);
        }
      }
      assert.deepEqual(broken, [], `${document} links to what is not there`);
    });
  }
});
