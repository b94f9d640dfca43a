import { formatFileSize } from "../media/documents.ts";

/**
 * No content file can make the check or the build run long or large: these are the
 * bounds, each checked before the work it bounds.
 *
 * A markdown file's size. The longest real page is a few kilobytes and a long story
 * under 50 kB; 256 KB is some 40,000 words, more than any page is read to the end. Cost
 * grows with size (a 50 MB story took 128 s and 2.5 GB to build), so a file past this is
 * refused before it is parsed.
 */
export const MAX_MARKDOWN_BYTES = 256 * 1024;

/**
 * A front-matter block's size. The longest real ones are well under 2 kB; a paper by a
 * large consortium may list some hundreds of authors (about 12 kB). js-yaml reads
 * the whole block before any field can be checked, so it is bounded on its own.
 */
export const MAX_FRONT_MATTER_BYTES = 32 * 1024;

/** A limit a content file is over, in the editor's words; `field` is "front matter" for the block. */
export class ContentLimitError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ContentLimitError";
  }
}

export function markdownTooLarge(bytes: number): ContentLimitError {
  return new ContentLimitError(
    `is ${formatFileSize(bytes)}, more than the ${formatFileSize(MAX_MARKDOWN_BYTES)} a page may be: split it into several pages, ` +
      "or put a long report in content/documents/ as a PDF and link to it",
  );
}

export function frontMatterTooLarge(bytes: number): ContentLimitError {
  return new ContentLimitError(
    `is ${formatFileSize(bytes)}, more than the ${formatFileSize(MAX_FRONT_MATTER_BYTES)} the fields at the top of a page may be: ` +
      "move long text into the body, below the closing --- line",
    "front matter",
  );
}

/**
 * Refuses YAML data in which one list or group is reached twice: the only way that
 * happens is an alias (`*name`) to an anchor (`&name`). Aliases cost nothing to read but
 * each level can double what every later walk over the data visits (a story of 40
 * chained aliases of two entries each would be visited 2^40 times), so front matter,
 * which editors never need them for, has none. Each node is visited once, without
 * recursion, so the check itself is bounded by the data's size.
 */
export function refuseRepeatedNodes(value: unknown, source: string): void {
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length) {
    const node = pending.pop();
    if (node === null || typeof node !== "object") continue;
    if (seen.has(node)) {
      const alias = /(?:^|[\s,[{:-])\*([^\s,[\]{}]+)/m.exec(source)?.[1];
      throw new ContentLimitError(
        `repeats a list or group with a YAML alias${alias ? ` (*${alias})` : ""}, which front matter does not allow: ` +
          "write the values out in full where they are used, and remove the &name and *name marks",
        "front matter",
      );
    }
    seen.add(node);
    pending.push(...(Array.isArray(node) ? (node as unknown[]) : Object.values(node as Record<string, unknown>)));
  }
}
