import { readFile } from "node:fs/promises";
import path from "node:path";
import { DOMParser, onWarningStopParsing } from "@xmldom/xmldom";

export const ATOM = "http://www.w3.org/2005/Atom";
export const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** Parses a built XML file with a real, strict XML parser: any warning or error fails the test. */
export async function readXml(output: string, url: string): Promise<Element> {
  const text = await readFile(path.join(output, url), "utf8");
  const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, "application/xml");
  if (!doc.documentElement) throw new Error(`${url} has no root element`);
  return doc.documentElement as unknown as Element;
}

/** The child elements of a parent with a name in a namespace, in document order. */
export function elements(parent: Element, namespace: string, name: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (child): child is Element => child.nodeType === 1 && (child as Element).namespaceURI === namespace && (child as Element).localName === name,
  );
}

/** The text of the first child element with that name, or undefined. */
export function textOf(parent: Element, namespace: string, name: string): string | undefined {
  return elements(parent, namespace, name)[0]?.textContent ?? undefined;
}
