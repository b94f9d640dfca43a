import matter from "gray-matter";
import yaml from "js-yaml";

/**
 * One YAML reading for the checker and for Eleventy, so both agree on every file.
 * The core schema keeps `2024-12-12` as text: js-yaml's timestamp type would turn
 * `2024-02-30` into 1 March without a word, and a date check needs the raw text.
 */
export function parseYaml(source: string): unknown {
  return yaml.load(source, { schema: yaml.CORE_SCHEMA });
}

export const frontMatterOptions = {
  engines: { yaml: (source: string): object => (parseYaml(source) ?? {}) as object },
};

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** Lines before the body starts, so body line numbers can be reported as file lines. */
  bodyLineOffset: number;
}

export function parseFrontMatter(source: string): ParsedFile {
  // gray-matter caches by content; a fresh options object each call defeats stale
  // results when an editor fixes a file and runs the check again in one process.
  const file = matter(source, { ...frontMatterOptions });
  const data: unknown = file.data;
  const body = file.content;
  const bodyLineOffset = source.slice(0, source.length - body.length).split("\n").length - 1;
  return {
    data: data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body,
    bodyLineOffset,
  };
}
