import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import yaml from "js-yaml";
import { MAX_FRONT_MATTER_BYTES, MAX_MARKDOWN_BYTES, frontMatterTooLarge, markdownTooLarge, refuseRepeatedNodes } from "./content-limits.ts";
import type { ParsedFile } from "../content/definition.ts";

/**
 * One YAML reading for the checker and for Eleventy, so both agree on every file.
 * The core schema keeps `2024-12-12` as text: js-yaml's timestamp type would turn
 * `2024-02-30` into 1 March without a word, and a date check needs the raw text.
 */
export function parseYaml(source: string): unknown {
  const value = yaml.load(source, { schema: yaml.CORE_SCHEMA });
  // Every later walk over the data (the check's, Eleventy's data cascade) is then bounded by its size.
  refuseRepeatedNodes(value, source);
  return value;
}

/** Why a file whose front matter is not YAML is refused, in the editor's words. */
export class FrontMatterLanguageError extends Error {
  constructor(readonly language: string) {
    super(
      `starts "---${language}", which asks for front matter in another language; only YAML is read. ` +
        'Make the first line exactly --- and write the fields as YAML, such as title: "A title"',
    );
    this.name = "FrontMatterLanguageError";
  }
}

const refuse = (language: string) => (): never => {
  throw new FrontMatterLanguageError(language);
};

/**
 * gray-matter and Eleventy merge the engines given here into their own, which run
 * JavaScript (`---js`, `---javascript`) or read other languages: each is replaced by one
 * that refuses, so front matter is only ever YAML, whoever parses the file.
 */
export const frontMatterOptions = {
  engines: {
    yaml: (source: string): object => parseYaml(source) ?? {},
    ...Object.fromEntries(
      ["js", "javascript", "jsLegacy", "node", "json", "coffee", "coffeescript", "cson", "toml"].map((language) => [language, refuse(language)]),
    ),
  },
};

/**
 * The language named on a file's opening `---` line (`---js` gives "js"), or undefined
 * when the front matter is plain YAML or there is none. Checked before any parser sees
 * the text, so nothing but YAML is ever handed to one.
 */
export function frontMatterLanguage(source: string): string | undefined {
  if (!source.startsWith("---")) return undefined;
  const end = source.indexOf("\n");
  const language = source.slice(3, end < 0 ? undefined : end).trim();
  return language ? language : undefined;
}

/**
 * Where the body starts, found as gray-matter finds it: after the first "\n---" that
 * follows the opening "---", less one line break. 0 when there is no front matter.
 */
function bodyStart(source: string): number {
  if (!source.startsWith("---")) return 0;
  const close = source.indexOf("\n---", 3);
  if (close < 0) return 0;
  let start = close + 4;
  if (source[start] === "\r") start++;
  if (source[start] === "\n") start++;
  return start;
}

export function parseFrontMatter(source: string): ParsedFile {
  const language = frontMatterLanguage(source);
  if (language !== undefined) throw new FrontMatterLanguageError(language);
  // gray-matter reads the front matter alone: it looks every input up in a cache keyed by
  // the whole text, and hashing ten thousand whole stories for that costs a third of a second.
  const start = bodyStart(source);
  // Unclosed front matter is all read as YAML; a file without any is none.
  const frontMatterBytes = Buffer.byteLength(start ? source.slice(0, start) : source.startsWith("---") ? source : "");
  if (frontMatterBytes > MAX_FRONT_MATTER_BYTES) throw frontMatterTooLarge(frontMatterBytes);
  const file = matter(start ? source.slice(0, start) : source, { ...frontMatterOptions });
  const data: unknown = file.data;
  const body = start ? source.slice(start) : file.content;
  const bodyLineOffset = source.slice(0, source.length - body.length).split("\n").length - 1;
  return {
    data: data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body,
    bodyLineOffset,
  };
}

const parsedFiles = new Map<string, { source: string; parsed: ParsedFile }>();

/**
 * Reads and parses a content file, parsing each text once per process: the preview checks
 * every file on every save, and an unchanged file (the same text, compared in memory,
 * which costs less than asking the disk for its modification time) keeps its parse.
 * Throws js-yaml's error for bad front matter, as parseFrontMatter does, and a
 * ContentLimitError for a file or front matter past its size or with YAML aliases.
 *
 * `asChecked` takes the copy already read without reading the file again: the build
 * renders exactly what its check read a moment before, and the preview's check takes a
 * file its watcher has not seen change as it was. A file never read is read.
 */
export function readContentFile(file: string, options: { asChecked?: boolean } = {}): ParsedFile {
  const cached = parsedFiles.get(file);
  if (cached && options.asChecked) return cached.parsed;
  // A file that cannot be read or parsed now is never taken later as its last good copy.
  parsedFiles.delete(file);
  // Refused before it is read: its size alone says it is not a page.
  const bytes = statSync(file).size;
  if (bytes > MAX_MARKDOWN_BYTES) throw markdownTooLarge(bytes);
  const source = readFileSync(file, "utf8");
  const parsed = cached?.source === source ? cached.parsed : parseFrontMatter(source);
  parsedFiles.set(file, { source, parsed });
  return parsed;
}

/**
 * The files under `folder` whose text on disk is no longer the copy this process read
 * (or which are gone): what the preview, which reads only the files its watcher names,
 * looks for after each save, since a watcher can miss a change (a file renamed over
 * another with its old times kept; some network and shared folders).
 */
export function filesChangedSinceRead(folder: string): string[] {
  return readFilesUnder(folder).filter((file) => readSource(file) !== parsedFiles.get(file)?.source);
}

/** Forgets the files under `folder` that are no longer among `files` (deleted or moved away). */
export function forgetFilesExcept(folder: string, files: readonly string[]): void {
  const kept = new Set(files);
  for (const file of readFilesUnder(folder)) if (!kept.has(file)) parsedFiles.delete(file);
}

/** The files under `folder` this process holds a read copy of. */
function readFilesUnder(folder: string): string[] {
  const inside = path.resolve(folder) + path.sep;
  return [...parsedFiles.keys()].filter((file) => file.startsWith(inside));
}

/** A file's text as it is now; undefined if it cannot be read (gone, or not a file). */
export function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The text of a file as the check read it, if it did: the build renders only that text. */
export function checkedSource(file: string): string | undefined {
  return parsedFiles.get(file)?.source;
}
