import { closeSync, openSync, readSync } from "node:fs";

/**
 * Editors' images are published on the site's own origin, so a file is allowed by what
 * its bytes are, not only by its name: an HTML or SVG page named `photo.png` would
 * otherwise be one browser sniff away from running script as the site.
 */
export type ImageFormat = "png" | "jpeg" | "gif" | "webp" | "avif";

/** The file-name extensions each image format may have, lower case. */
export const IMAGE_EXTENSIONS: Readonly<Record<string, ImageFormat>> = {
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  gif: "gif",
  webp: "webp",
  avif: "avif",
};

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The image format of a file's first bytes (the formats' published signatures), if any. */
export function imageFormatOf(bytes: Uint8Array): ImageFormat | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, index) => bytes[index] === byte)) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const start = ascii(bytes, 0, 6);
  if (start === "GIF87a" || start === "GIF89a") return "gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  // ISO BMFF: a box of type "ftyp" whose major or compatible brands include AVIF's.
  if (ascii(bytes, 4, 8) === "ftyp") {
    const boxSize = Math.min(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0), bytes.length);
    for (let offset = 8; offset + 4 <= boxSize; offset += 4) {
      if (offset === 12) continue; // the minor version, not a brand
      const brand = ascii(bytes, offset, offset + 4);
      if (brand === "avif" || brand === "avis") return "avif";
    }
  }
  return undefined;
}

/** Reads the first bytes of a file: enough for every signature above. */
export function fileStart(file: string, length = 64): Uint8Array {
  const buffer = new Uint8Array(length);
  const descriptor = openSync(file, "r");
  try {
    const read = readSync(descriptor, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(descriptor);
  }
}
