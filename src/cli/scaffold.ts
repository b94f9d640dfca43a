import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { CONTENT_TYPES, RESERVED_URLS, definitionOf, locate } from "../content/types.ts";
import { schemaProblems } from "../check/check.ts";
import { displayPath } from "../content/problems.ts";
import { PLACEHOLDER_BODY } from "../content/placeholders.ts";
import { isValidSlug, slugify } from "../content/slug.ts";

/** The types `npm run new` makes: those whose definition says how to start a file. */
export const SCAFFOLD_TYPES: readonly string[] = CONTENT_TYPES.flatMap((definition) => (definition.scaffold ? [definition.name] : []));
export type ScaffoldType = string;

/** Slugs long enough to be clear and short enough to read in an address. */
const MAX_SLUG = 60;

export function shortSlug(title: string): string {
  const slug = slugify(title);
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG);
}

export interface ScaffoldRequest {
  type: ScaffoldType;
  title: string;
  /** Today in Europe/London, `YYYY-MM-DD`. */
  today: string;
  /** The address part to use instead of one made from the title. */
  slug?: string;
}

export interface Scaffolded {
  /** Relative to the content folder, with forward slashes. */
  relativePath: string;
  url: string;
  text: string;
}

const yamlString = (value: string) => JSON.stringify(value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Works out the file a new story or page goes in, or says why it cannot be made. */
export function planScaffold(request: ScaffoldRequest): { ok: true; file: Scaffolded } | { ok: false; problem: string } {
  const slug = request.slug ?? shortSlug(request.title);
  if (!isValidSlug(slug)) {
    return {
      ok: false,
      problem: request.slug
        ? `--slug "${slug}" is not a valid address: use lowercase letters, digits and hyphens, such as "${slugify(slug) || "new-trial-opens"}"`
        : `cannot make an address from the title "${request.title}": give one with --slug, such as --slug new-trial-opens`,
    };
  }
  const scaffold = CONTENT_TYPES.find((definition) => definition.name === request.type)?.scaffold;
  if (!scaffold) return { ok: false, problem: `"${request.type}" is not a kind of content npm run new makes: use ${SCAFFOLD_TYPES.join(", ")}` };
  const folder = scaffold.folder(request.today);
  const relativePath = `${folder}/${slug}.md`;
  const located = locate(relativePath);
  if (!located.ok) return { ok: false, problem: located.problem };
  const reserved = RESERVED_URLS.get(located.location.url);
  if (reserved) return { ok: false, problem: `the address ${located.location.url} is ${reserved}: give another with --slug` };

  const data = scaffold.frontMatter(request.title, request.today);
  const problems = schemaProblems(relativePath, definitionOf(located.location.type).schema, data);
  if (problems.length) return { ok: false, problem: problems.map((found) => `${found.field}: ${found.message}`).join("; ") };
  const lines = Object.entries(data).map(([key, value]) =>
    // A list or a group is written as an editor would, one entry a line under its key.
    typeof value === "object"
      ? yaml.dump({ [key]: value }, { lineWidth: -1 }).trimEnd()
      : // Dates are written bare, as editors write them; any other text is quoted.
        typeof value === "string" && (key === "title" || !DATE.test(value))
        ? `${key}: ${yamlString(value)}`
        : `${key}: ${value}`,
  );
  return { ok: true, file: { relativePath, url: located.location.url, text: `---\n${lines.join("\n")}\n---\n\n${PLACEHOLDER_BODY}\n` } };
}

/**
 * Writes the new file, refusing to overwrite one that exists (the `wx` flag makes the
 * refusal atomic, so two editors cannot both create the same file).
 */
export async function createContentFile(
  contentDir: string,
  request: ScaffoldRequest,
): Promise<{ ok: true; file: Scaffolded; absolute: string } | { ok: false; problem: string }> {
  const planned = planScaffold(request);
  if (!planned.ok) return planned;
  const absolute = path.join(contentDir, ...planned.file.relativePath.split("/"));
  await mkdir(path.dirname(absolute), { recursive: true });
  try {
    await writeFile(absolute, planned.file.text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return {
      ok: false,
      problem: `${displayPath(absolute)} already exists: choose another title, or give the new file another address with --slug, such as --slug ${planned.file.url.split("/").at(-2)}-2`,
    };
  }
  return { ok: true, file: planned.file, absolute };
}
