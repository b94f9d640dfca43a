import { escapeHtml } from "markdown-it/lib/common/utils.mjs";
import type { ImageInfo, MediaCatalog } from "./catalog.ts";
import { IMAGES_FOLDER } from "../content/site-urls.ts";

/**
 * The resized copies of an editor's image, named from what the check read (its size and
 * a hash of its bytes), so a page can be rendered before they are made and two builds
 * name them alike. `process-images.ts` makes them with @11ty/eleventy-img.
 */

/** Where the copies are published: `_` cannot begin an editor's folder name, so they never clash. */
export const SIZED_FOLDER = `${IMAGES_FOLDER}/_sized`;

/** The widths made, in CSS pixels: a phone, a phone at 2x, the content column at 1.5x and 2x. */
export const WIDTHS: readonly number[] = [320, 640, 960, 1280];

/** The sharing image's size, as Open Graph and X (Twitter) cards ask for. */
export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;

/** The content column's width: two thirds of the NHS page's 960 px, less its gutters. */
export const CONTENT_SIZES = "(min-width: 990px) 608px, (min-width: 641px) calc(66.6vw - 48px), calc(100vw - 32px)";

export type OutputFormat = "avif" | "webp" | "jpeg" | "png";

const EXTENSION: Readonly<Record<OutputFormat, string>> = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" };
const MIME: Readonly<Record<OutputFormat, string>> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };

export interface SizedFile {
  format: OutputFormat;
  width: number;
  /** Site path without the leading slash or the path prefix. */
  path: string;
}

export interface SizedImage {
  info: ImageInfo;
  /** Best first: AVIF, WebP, then the fallback every browser shows. */
  formats: OutputFormat[];
  widths: number[];
  files: SizedFile[];
  /** The 1200 × 630 sharing crop. */
  share?: SizedFile;
}

/** A file name's stem, safe in a URL, so the copies still say what they show. */
function stem(name: string): string {
  const base = name.split("/").at(-1) ?? name;
  const plain = base
    .replace(/\.[^.]*$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return plain || "image";
}

/** The copies an image gets; none for an animated one, which is published only as it is. */
export function sizedImage(info: ImageInfo): SizedImage | undefined {
  if (info.animated) return undefined;
  const widths = [...new Set([...WIDTHS.filter((width) => width < info.width), Math.min(info.width, WIDTHS.at(-1) ?? info.width)])];
  // A picture with transparency keeps it in the fallback; everything else falls back to JPEG.
  const fallback: OutputFormat = info.hasAlpha ? "png" : "jpeg";
  const formats: OutputFormat[] = ["avif", "webp", fallback];
  const base = `${SIZED_FOLDER}/${stem(info.name)}-${info.hash}`;
  const files = formats.flatMap((format) => widths.map((width) => ({ format, width, path: `${base}-${width}.${EXTENSION[format]}` })));
  return { info, formats, widths, files, share: { format: "jpeg", width: SHARE_WIDTH, path: `${base}-${SHARE_WIDTH}x${SHARE_HEIGHT}.jpg` } };
}

/** Every copy the catalog's images get, as site paths: exactly what the output may hold under SIZED_FOLDER. */
export function sizedFiles(catalog: MediaCatalog): string[] {
  return [...catalog.images.values()].flatMap((info) => {
    const sized = sizedImage(info);
    return sized ? [...sized.files.map((file) => file.path), ...(sized.share ? [sized.share.path] : [])] : [];
  });
}

/** The height of a copy `width` wide, as sharp rounds it. */
export const heightAt = (info: ImageInfo, width: number) => Math.max(1, Math.round((width * info.height) / info.width));

export interface PictureOptions {
  alt: string;
  /** The path prefix, ending in "/". */
  prefix: string;
  /** The first image on a page is often in view at once; later ones wait until they are scrolled near. */
  lazy: boolean;
  sizes?: string;
  className?: string;
}

/**
 * A `<picture>` with AVIF and WebP sources and a fallback `<img>` carrying its width and
 * height (so the page does not jump as it loads). An animated image is one `<img>`.
 */
export function pictureHtml(info: ImageInfo, originalPath: string, options: PictureOptions): string {
  const url = (sitePath: string) => escapeHtml(`${options.prefix}${sitePath.replace(/^\//, "")}`);
  const sized = sizedImage(info);
  const loading = options.lazy ? ' loading="lazy"' : "";
  const className = options.className ? ` class="${escapeHtml(options.className)}"` : "";
  const alt = escapeHtml(options.alt);
  if (!sized) {
    return `<img${className} src="${url(originalPath)}" alt="${alt}" width="${info.width}" height="${info.height}"${loading} decoding="async">`;
  }
  const sizes = escapeHtml(options.sizes ?? CONTENT_SIZES);
  const srcset = (format: OutputFormat) =>
    sized.files
      .filter((file) => file.format === format)
      .map((file) => `${url(file.path)} ${file.width}w`)
      .join(", ");
  const fallback = sized.formats.at(-1) ?? "jpeg";
  const largest = sized.files.filter((file) => file.format === fallback).at(-1);
  const sources = sized.formats
    .slice(0, -1)
    .map((format) => `<source type="${MIME[format]}" srcset="${srcset(format)}" sizes="${sizes}">`)
    .join("");
  const width = largest?.width ?? info.width;
  return (
    `<picture>${sources}<img${className} src="${url(largest?.path ?? originalPath)}" srcset="${srcset(fallback)}" sizes="${sizes}" ` +
    `alt="${alt}" width="${width}" height="${heightAt(info, width)}"${loading} decoding="async"></picture>`
  );
}

/**
 * The one rule the NHS stylesheet lacks for responsive images: an image with width and
 * height attributes keeps its aspect ratio and never runs wider than its column. Appended
 * to the site's fingerprinted stylesheet (src/eleventy/assets.ts); no inline styles, which
 * the Content Security Policy forbids.
 */
export const IMAGE_CSS = ".ri-content img,.nhsuk-image__img,.nhsuk-card__img{max-width:100%;height:auto}\n";
