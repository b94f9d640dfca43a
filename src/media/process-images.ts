import { createHash } from "node:crypto";
import { copyFile, mkdir, rename, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import eleventyImage, { type ImageOptions } from "@11ty/eleventy-img";
import type { ImageInfo, MediaCatalog } from "./catalog.ts";
import { type SizedFile, type SizedImage, SHARE_HEIGHT, SHARE_WIDTH, sizedImage } from "./responsive.ts";

/**
 * Makes the resized copies of editors' images with @11ty/eleventy-img (sharp) and
 * publishes them. Each copy's name carries a hash of the source's bytes and of the
 * settings below, so a folder of copies from earlier builds (the cache) is reused as it
 * is: only a new or changed image is resized again. The same bytes and settings give the
 * same files, so two builds are byte-identical.
 */

/** Encoder settings; the cache keeps copies per settings and sharp version, so a change here is never served stale copies. */
const ENCODERS = {
  sharpJpegOptions: { quality: 78, mozjpeg: true },
  sharpPngOptions: { compressionLevel: 9, palette: true },
  sharpWebpOptions: { quality: 75, effort: 4 },
  // effort 3 keeps a 1,000-image first build within minutes on two cores; quality as eleventy-img's default.
  sharpAvifOptions: { quality: 50, effort: 3 },
} as const satisfies ImageOptions;

const sharpVersion = (createRequire(import.meta.url)("sharp/package.json") as { version: string }).version;
const SETTINGS = createHash("sha256").update(JSON.stringify({ ENCODERS, sharpVersion, SHARE_WIDTH, SHARE_HEIGHT })).digest("hex").slice(0, 8);

/** Where copies are kept between builds (`RI_IMAGE_CACHE` moves it), one folder per encoder settings. */
export function imageCacheDir(): string {
  return path.join(path.resolve(process.env.RI_IMAGE_CACHE ?? path.join("node_modules", ".cache", "ri-site-images")), SETTINGS);
}

const exists = (file: string) =>
  stat(file).then(
    (info) => info.isFile(),
    () => false,
  );

/** Writes a file so that no other build reading the cache at once ever sees half of it. */
async function writeAtomically(file: string, contents: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

function byFormatAndWidth(results: Record<string, Array<{ width: number; buffer?: Buffer }>>, file: SizedFile): Buffer {
  const match = results[file.format]?.find((result) => result.width === file.width);
  if (!match?.buffer) throw new Error(`eleventy-img made no ${file.format} ${file.width} px wide`);
  return match.buffer;
}

async function makeCopies(info: ImageInfo, sized: SizedImage, missing: SizedFile[], cacheDir: string): Promise<void> {
  const base: ImageOptions = { ...ENCODERS, dryRun: true, useCache: false, formatFiltering: false, outputDir: cacheDir };
  const resized = missing.filter((file) => file !== sized.share);
  if (resized.length) {
    const results = await eleventyImage(info.file, {
      ...base,
      widths: [...new Set(resized.map((file) => file.width))],
      formats: [...new Set(resized.map((file) => file.format))],
    });
    for (const file of resized) await writeAtomically(path.join(cacheDir, file.path), byFormatAndWidth(results, file));
  }
  if (sized.share && missing.includes(sized.share)) {
    // The sharing card's crop: the middle of the picture, filling 1200 × 630.
    const results = await eleventyImage(info.file, {
      ...base,
      widths: [SHARE_WIDTH],
      formats: ["jpeg"],
      transform: (sharp) => {
        sharp.resize(SHARE_WIDTH, SHARE_HEIGHT, { fit: "cover", position: "centre" });
      },
    });
    const made = results.jpeg?.[0]?.buffer;
    if (!made) throw new Error("eleventy-img made no sharing image");
    await writeAtomically(path.join(cacheDir, sized.share.path), made);
  }
}

export interface ProcessReport {
  images: number;
  made: number;
  reused: number;
  milliseconds: number;
}

/** Makes (or takes from the cache) every copy of every image, and copies them into the output. */
export async function publishSizedImages(catalog: MediaCatalog, outputDir: string, cacheDir = imageCacheDir()): Promise<ProcessReport> {
  const started = performance.now();
  const report: ProcessReport = { images: 0, made: 0, reused: 0, milliseconds: 0 };
  const work = [...catalog.images.values()].flatMap((info) => {
    const sized = sizedImage(info);
    return sized ? [{ info, sized }] : [];
  });
  // Two at a time: sharp already spreads one image over the cores.
  let next = 0;
  const worker = async () => {
    for (let item = work[next++]; item; item = work[next++]) {
      const { info, sized } = item;
      const files = [...sized.files, ...(sized.share ? [sized.share] : [])];
      const missing: SizedFile[] = [];
      for (const file of files) if (!(await exists(path.join(cacheDir, file.path)))) missing.push(file);
      if (missing.length) await makeCopies(info, sized, missing, cacheDir);
      report.images++;
      report.made += missing.length;
      report.reused += files.length - missing.length;
      for (const file of files) {
        const target = path.join(outputDir, file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(path.join(cacheDir, file.path), target);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  report.milliseconds = Math.round(performance.now() - started);
  return report;
}
