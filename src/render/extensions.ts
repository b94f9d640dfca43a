import type { EleventyPage } from "./page-data.ts";

/**
 * What an Eleventy user registers in eleventy.config.ts and expects on every page:
 * transforms (`addTransform`) and universal filters (`addFilter`). Eleventy renders no
 * page of this site (src/eleventy/plugin.ts), so the renderer applies them itself, the
 * way Eleventy does: every transform, Eleventy's own and the user's, in the order they
 * were added, over every page and file written; every filter handed to the layouts as
 * `filters`, called with the page as `this.page`.
 */

/** A filter as `addFilter` takes it. */
export type Filter = (this: { page: EleventyPage }, ...args: never[]) => unknown;
/** The filters a layout receives, each already bound to its page. */
export type LayoutFilters = Readonly<Record<string, (...args: never[]) => unknown>>;

/** The page a transform is told about, as Eleventy tells it. */
export interface TransformedPage {
  url: string;
  inputPath: string;
  /** The file written: `<output><url>index.html`, or `<output><url>` for a file. */
  outputPath: string;
}

/** A transform as `addTransform` takes it: `this` has the page's inputPath, outputPath and url. */
export type Transform = (this: TransformedPage & { page: TransformedPage }, content: string, outputPath: string) => unknown;

export function filtersFor(filters: Readonly<Record<string, Filter>>, page: EleventyPage): LayoutFilters {
  const context = { page };
  const bound: Record<string, (...args: never[]) => unknown> = {};
  for (const [name, filter] of Object.entries(filters)) bound[name] = (...args: never[]) => filter.apply(context, args);
  return bound;
}

/** A page's text after every transform; a transform that returns no text stops the build, naming itself and the page. */
export async function applyTransforms(transforms: ReadonlyMap<string, Transform>, content: string, page: TransformedPage): Promise<string> {
  let text = content;
  for (const [name, transform] of transforms) {
    const result: unknown = await transform.call({ ...page, page }, text, page.outputPath);
    if (typeof result !== "string") throw new Error(`the transform "${name}" gave ${typeof result} for ${page.url}, not the page's text`);
    text = result;
  }
  return text;
}
