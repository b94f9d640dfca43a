import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DOCUMENT_EXTENSIONS, type DocumentType, formatFileSize } from "./documents.ts";
import { type Problem, displayPath } from "../content/problems.ts";
import { DOCUMENTS_FOLDER, DOCUMENTS_URL, IMAGES_FOLDER, IMAGES_URL } from "../content/site-urls.ts";

/**
 * What the check learnt about each editor's image and document, by site path. Pages are
 * rendered synchronously (markdown-it), so everything a page needs to show an image
 * (its size, the names of its resized copies) or a document link (its type and size) is
 * read here, once per check, before any page is rendered.
 */
export interface ImageInfo {
  /** Relative to content/images/, forward slashes. */
  name: string;
  file: string;
  /** As shown: after the EXIF orientation is applied. */
  width: number;
  height: number;
  format: string;
  hasAlpha: boolean;
  /** Animated GIF or WebP: published as it is, never resized (a resize would keep one frame). */
  animated: boolean;
  bytes: number;
  /** Of the file's bytes: resized copies are named by it, so a changed image gets new names. */
  hash: string;
}

export interface DocumentInfo {
  name: string;
  type: DocumentType;
  bytes: number;
}

export interface MediaCatalog {
  images: ReadonlyMap<string, ImageInfo>;
  documents: ReadonlyMap<string, DocumentInfo>;
}

export const EMPTY_CATALOG: MediaCatalog = { images: new Map(), documents: new Map() };

/** An image larger than this is reported: it slows every build that has to resize it. */
export const LARGE_IMAGE_BYTES = 10 * 1024 * 1024;
/** Wider or taller than this is more than any screen shows; the resized copies stop at 1,280. */
export const LARGE_IMAGE_PIXELS = 6000;
/**
 * Past this many pixels an image is refused. Phone photos are 12 to 50 megapixels (a
 * "50 MP" sensor gives 8,192 × 6,144, 50.3 MP), and every one of them is published; the
 * 100 MP and 200 MP modes of some phones, and scans and renders larger still, are not:
 * a 10,000 × 10,000 PNG of 396 KB added about 60 s and 880 MB to a build. An animation
 * counts every frame's pixels.
 */
export const MAX_IMAGE_PIXELS = 60_000_000;

/** An image whose pixels (every frame's, for an animation) are past MAX_IMAGE_PIXELS: it is never decoded. */
class ImageTooLargeError extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly frames: number,
    readonly bytes: number,
  ) {
    super(`${width} × ${height} pixels${frames > 1 ? `, ${frames} frames` : ""}`);
  }
}

/** Images already read, by file, size and modification time: the preview checks the site on every save. */
const known = new Map<string, { key: string; info: ImageInfo }>();

async function readImage(contentDir: string, name: string): Promise<ImageInfo> {
  const file = path.join(contentDir, IMAGES_FOLDER, name);
  const stats = statSync(file);
  const key = `${stats.size}:${stats.mtimeMs}`;
  const cached = known.get(file);
  if (cached?.key === key) return cached.info;
  const bytes = readFileSync(file);
  // limitInputPixels: false lets the metadata of a huge image be read, so the editor is told its size.
  // sharp (some 50 modules and a native library) is loaded only by a site that has images.
  const { default: sharp } = await import("sharp");
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (!metadata.width || !metadata.height || !metadata.format) throw new Error("no width, height or format");
  const frames = metadata.pages ?? 1;
  const pixels = metadata.width * (metadata.pageHeight ?? metadata.height) * frames;
  if (pixels > MAX_IMAGE_PIXELS) throw new ImageTooLargeError(metadata.width, metadata.pageHeight ?? metadata.height, frames, bytes.length);
  // The header alone says nothing of the rest: every pixel of every frame is decoded, so
  // an image cut short or damaged is refused here, naming its file, and not deep in the
  // build. One channel is kept, as the pixels are not needed, only that they decode.
  await sharp(bytes, { failOn: "error", limitInputPixels: false, pages: frames > 1 ? -1 : 1 })
    .extractChannel(0)
    .raw()
    .toBuffer();
  const turned = (metadata.orientation ?? 1) >= 5;
  const info: ImageInfo = {
    name,
    file,
    width: turned ? metadata.height : metadata.width,
    height: turned ? metadata.width : metadata.height,
    format: metadata.format,
    hasAlpha: metadata.hasAlpha ?? false,
    animated: (metadata.pages ?? 1) > 1,
    bytes: bytes.length,
    hash: createHash("sha256").update(bytes).digest("hex").slice(0, 10),
  };
  known.set(file, { key, info });
  return info;
}

/**
 * Reads every image and document the allow-list passed. An image sharp cannot read is an
 * error (the build could not resize it); a very large one is a warning with its size.
 */
export async function readMedia(
  contentDir: string,
  images: readonly string[],
  documents: readonly string[],
): Promise<{ catalog: MediaCatalog; problems: Problem[] }> {
  const problems: Problem[] = [];
  const imageMap = new Map<string, ImageInfo>();
  for (const name of images) {
    const file = path.join(contentDir, IMAGES_FOLDER, name);
    let info: ImageInfo;
    try {
      info = await readImage(contentDir, name);
    } catch (error) {
      problems.push({ file: displayPath(file), message: unreadableImageMessage(error), severity: "error" });
      continue;
    }
    const size = `${formatFileSize(info.bytes)}, ${info.width} × ${info.height} pixels`;
    if (info.bytes > LARGE_IMAGE_BYTES || Math.max(info.width, info.height) > LARGE_IMAGE_PIXELS) {
      problems.push({
        file: displayPath(file),
        message: `is very large (${size}), which slows every build: resize it to about 2,560 pixels wide before adding it`,
        severity: "warning",
      });
    }
    imageMap.set(`${IMAGES_URL}${name}`, info);
  }
  const documentMap = new Map<string, DocumentInfo>();
  for (const name of documents) {
    const type = DOCUMENT_EXTENSIONS[name.split(".").at(-1)?.toLowerCase() ?? ""];
    if (!type) continue;
    documentMap.set(`${DOCUMENTS_URL}${name}`, { name, type, bytes: statSync(path.join(contentDir, DOCUMENTS_FOLDER, name)).size });
  }
  return { catalog: { images: imageMap, documents: documentMap }, problems };
}

/** Why an image is not published, in the editor's words: too large, or not whole. */
function unreadableImageMessage(error: unknown): string {
  const megapixels = `${MAX_IMAGE_PIXELS / 1_000_000} megapixels`;
  if (error instanceof ImageTooLargeError) {
    const size = `${formatFileSize(error.bytes)}, ${error.message}`;
    return error.frames > 1
      ? `is an animation too large to publish (${size}, more than ${megapixels} in all): make it smaller or shorter, or publish it as a video elsewhere and link to it`
      : `is too large to publish (${size}, more than ${megapixels}): resize it to at most ${LARGE_IMAGE_PIXELS} pixels on its longest side`;
  }
  const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  return `could not be read as an image (${reason}), so it is damaged or cut short (a copy or upload that did not finish): export it again as PNG or JPEG`;
}

/** The catalog of each content folder's last check: the renderers of that folder read it. */
const catalogs = new Map<string, MediaCatalog>();

export function rememberMedia(contentDir: string, catalog: MediaCatalog): void {
  catalogs.set(path.resolve(contentDir), catalog);
}

export function mediaFor(contentDir: string | undefined): MediaCatalog {
  return (contentDir && catalogs.get(path.resolve(contentDir))) || EMPTY_CATALOG;
}
