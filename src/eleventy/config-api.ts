import type { Filter, Transform } from "../render/extensions.ts";

/**
 * The parts of Eleventy's configuration API this project uses. Eleventy ships no
 * TypeScript types for it, so a small local interface keeps the plugin type-checked.
 */
export interface EleventyConfig {
  directories: { input: string; output: string; layouts?: string; data: string };
  pathPrefix: string;
  ignores: Set<string>;
  /** Every transform added with addTransform (Eleventy's own among them), by name, in the order added. */
  transforms: Record<string, Transform>;
  /** Every universal filter added with addFilter (Eleventy's own among them), by name. */
  getFilters(): Record<string, Filter>;
  addTransform(name: string, transform: Transform): void;
  addFilter(name: string, filter: Filter): void;
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options?: T): void;
  addExtension(extensions: string[], options: Record<string, unknown>): void;
  addTemplateFormats(formats: string): void;
  addTemplate(path: string, content: unknown, data?: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  addPreprocessor(name: string, extensions: string, callback: (data: Record<string, unknown>, content: string) => unknown): void;
  addPassthroughCopy(paths: Record<string, string> | string): void;
  addWatchTarget(path: string): void;
  setLibrary(name: string, library: unknown): void;
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
  setLayoutsDirectory(dir: string): void;
  setDataFileSuffixes(suffixes: string[]): void;
  on(event: string, callback: (...args: unknown[]) => unknown): void;
}
