/** @11ty/eleventy-img 6 ships no type declarations; this is the part of its API the build uses. */
declare module "@11ty/eleventy-img" {
  import type { Sharp } from "sharp";
  export interface ImageOptions {
    widths?: Array<number | "auto" | null>;
    formats?: string[];
    outputDir?: string;
    /** Returns the buffers and writes nothing. */
    dryRun?: boolean;
    useCache?: boolean;
    sharpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    transform?: (sharp: Sharp) => void | Promise<void>;
    formatFiltering?: string[] | false;
  }
  export interface ImageResult {
    format: string;
    width: number;
    height: number;
    size: number;
    buffer?: Buffer;
  }
  interface EleventyImage {
    (src: string | Buffer, options?: ImageOptions): Promise<Record<string, ImageResult[]>>;
    concurrency: number;
  }
  const eleventyImage: EleventyImage;
  export default eleventyImage;
}
