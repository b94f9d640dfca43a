import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** What a static host sends for a text file: its gzip size. */
export const gzipBytes = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/**
 * The device the image bytes are counted for: a 390 px wide phone at 2x, the width the
 * screenshots use. Its browser picks the narrowest candidate at least `sizes` × 2 wide.
 */
const PHONE_WIDTH = 390;
const PHONE_DPR = 2;

/** The width in CSS pixels a `sizes` list gives on the phone: the last (default) entry, or 100vw. */
function slotWidth(sizes: string): number {
  const fallback = sizes.split(",").at(-1)?.trim() ?? "100vw";
  const calc = /^calc\(100vw - (\d+)px\)$/.exec(fallback);
  if (calc) return PHONE_WIDTH - Number(calc[1]);
  const vw = /^(\d+)vw$/.exec(fallback);
  if (vw) return (PHONE_WIDTH * Number(vw[1])) / 100;
  const px = /^(\d+)px$/.exec(fallback);
  return px ? Number(px[1]) : PHONE_WIDTH;
}

/** The candidate a browser picks from a srcset for a slot `width` CSS pixels wide. */
function pick(srcset: string, width: number): string | undefined {
  const candidates = srcset
    .split(",")
    .map((entry) => entry.trim().split(/\s+/))
    .map(([url = "", descriptor = ""]) => ({ url, width: Number(descriptor.replace(/w$/, "")) }))
    .sort((a, b) => a.width - b.width);
  return (candidates.find((candidate) => candidate.width >= width * PHONE_DPR) ?? candidates.at(-1))?.url;
}

/**
 * The images a first visit loads before any scrolling: every picture or image that is
 * not lazy-loaded, as its AVIF copy (every current browser takes it) for the phone above.
 */
async function eagerImageBytes(output: string, html: string): Promise<number> {
  let total = 0;
  const files = new Set<string>();
  for (const match of html.matchAll(/<picture>(.*?)<\/picture>|<img\b[^>]*>/gs)) {
    const block = match[0];
    if (/loading="lazy"/.test(block)) continue;
    const avif = /<source type="image\/avif" srcset="([^"]+)" sizes="([^"]+)"/.exec(block);
    const url = avif ? pick(avif[1] ?? "", slotWidth(avif[2] ?? "")) : /src="([^"]+)"/.exec(block)?.[1];
    if (url?.startsWith("/")) files.add(url);
  }
  for (const url of files)
    total += await stat(path.join(output, url.replace(/^\//, ""))).then(
      (info) => info.size,
      () => 0,
    );
  return total;
}

/**
 * The compressed bytes of a page, the styles and scripts it loads from the site, and the
 * images it shows at once, on a first visit. Frutiger is loaded from assets.nhs.uk, not
 * from the site, and is not counted.
 */
export async function pageWeight(
  output: string,
  url: string,
): Promise<{ html: number; assets: number; images: number; total: number; blockingScripts: number }> {
  const file = path.join(output, url.endsWith(".html") ? url : path.join(url, "index.html"));
  const html = await readFile(file);
  const text = html.toString("utf8");
  const refs = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g), ...text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1] ?? "");
  let assets = 0;
  for (const ref of new Set(refs)) assets += gzipBytes(await readFile(path.join(output, ref.replace(/^\//, ""))));
  const blockingScripts = [...text.matchAll(/<script(?![^>]*type="module")(?![^>]*\b(?:defer|async)\b)(?![^>]*type="application\/ld\+json")[^>]*>/g)].length;
  const htmlBytes = gzipBytes(html);
  const images = await eagerImageBytes(output, text);
  return { html: htmlBytes, assets, images, total: htmlBytes + assets + images, blockingScripts };
}
