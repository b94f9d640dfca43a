import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** What a static host sends for a text file: its gzip size. */
export const gzipBytes = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/**
 * The compressed bytes of a page and the styles and scripts it loads from the site, on a
 * first visit. Frutiger is loaded from assets.nhs.uk, not from the site, and is not counted.
 */
export async function pageWeight(output: string, url: string): Promise<{ html: number; assets: number; total: number; blockingScripts: number }> {
  const file = path.join(output, url.endsWith(".html") ? url : path.join(url, "index.html"));
  const html = await readFile(file);
  const text = html.toString("utf8");
  const refs = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g), ...text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1] ?? "");
  let assets = 0;
  for (const ref of new Set(refs)) assets += gzipBytes(await readFile(path.join(output, ref.replace(/^\//, ""))));
  const blockingScripts = [...text.matchAll(/<script(?![^>]*type="module")(?![^>]*\b(?:defer|async)\b)(?![^>]*type="application\/ld\+json")[^>]*>/g)].length;
  const htmlBytes = gzipBytes(html);
  return { html: htmlBytes, assets, total: htmlBytes + assets, blockingScripts };
}
