import { XMLBuilder } from "fast-xml-parser";

/**
 * The one XML writer for the feeds and the sitemap: fast-xml-parser's builder escapes
 * text and attributes, so a story title can never break a feed. Attribute keys start
 * with `@_`.
 */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
});

/** Characters XML 1.0 does not allow at all; a pasted control character would make the file unreadable. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(value: string): string {
  return value.replace(NOT_XML, "");
}

export function buildXml(root: Record<string, unknown>): string {
  return builder.build({ "?xml": { "@_version": "1.0", "@_encoding": "utf-8" }, ...root });
}
