import { type Dirent, readdirSync } from "node:fs";
import path from "node:path";
import { CONTENT_FOLDERS, locate } from "../content/types.ts";
import { IMAGE_EXTENSIONS, fileStart, imageFormatOf } from "./file-signatures.ts";
import { type Problem, displayPath } from "../content/problems.ts";
import { DOCUMENTS_FOLDER, IMAGES_FOLDER } from "../content/site-urls.ts";
import { DOCUMENT_EXTENSIONS } from "../media/documents.ts";
import { documentProblem } from "./document-signatures.ts";

/**
 * The content folder is the trust boundary: editors' files are content, never code.
 * This is its allow-list. Every entry under content/ (file, folder or link) is either
 * something the content contract names or a problem that says where such a thing belongs;
 * nothing is skipped in silence, because whatever the check skips the build must not read.
 */
export interface ContentInventory {
  /** Markdown files in the content folders (absolute paths, sorted); `locate` says what each is. */
  markdown: string[];
  /** Editors' images that may be published: relative to content/images/, forward slashes. */
  images: string[];
  /** Editors' documents that may be published: relative to content/documents/, forward slashes. */
  documents: string[];
  problems: Problem[];
}

/** The site's data files, in content/_data/; the only JSON the build reads. */
export const DATA_FILES: readonly string[] = ["site.json", "topics.json"];
export const DATA_FOLDER = "_data";

const MARKDOWN_ELSEWHERE = /\.(?:markdown|mdown|mkdn?|mdwn|mdx)$/i;
const CODE = /\.(?:[cm]?js|[cm]?ts|[jt]sx|njk|liquid|hbs|handlebars|mustache|ejs|haml|pug|webc|html?|xhtml|php|py|rb|sh)$/i;
const DATA = /\.(?:json5?|ya?ml|toml|csv|xml)$/i;
const WHERE = `${CONTENT_FOLDERS.map(({ folder, years, plural }) => `${plural} go in content/${folder}/${years ? "<year>/" : ""}<slug>.md`).join(", ")}, images in content/${IMAGES_FOLDER}/ and documents (PDF, Word, Excel, PowerPoint, OpenDocument text, CSV) in content/${DOCUMENTS_FOLDER}/`;
const DOCUMENT_KINDS = "PDF, DOCX, XLSX, PPTX, ODT or CSV";

const extensionOf = (name: string) => (name.includes(".") ? (name.split(".").at(-1) ?? "") : "");

/** Why a file the contract does not name is refused, and where it belongs. */
function misplacedFile(name: string, inImages: boolean, inData: boolean, inDocuments: boolean): string {
  const extension = extensionOf(name).toLowerCase();
  const base = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : name;
  if (/\.11ty(?:data)?\./i.test(name) || CODE.test(name)) {
    return "is a template, script or data file for the site's code, which the content folder never holds: layouts and code live in layouts/ and src/, and change only through a developer's review";
  }
  if (MARKDOWN_ELSEWHERE.test(name) || (extension === "md" && !name.endsWith(".md"))) {
    return `is a markdown file, but only files whose names end in lower-case ".md" are published: rename it to ${base}.md`;
  }
  if (extension === "svg") return `is an SVG image, which can carry script and so is not published: export it as PNG and put it in content/${IMAGES_FOLDER}/`;
  if (inImages) return "is not a kind of image the site publishes: use PNG, JPEG, GIF, WebP or AVIF";
  // An executable, archive or anything else offered for download is never published.
  if (inDocuments) return `is not a kind of document the site publishes: use ${DOCUMENT_KINDS}`;
  if (DOCUMENT_EXTENSIONS[extension]) return `is a document outside content/${DOCUMENTS_FOLDER}/: move it there and link to it as /${DOCUMENTS_FOLDER}/${name}`;
  if (IMAGE_EXTENSIONS[extension]) return `is an image outside content/${IMAGES_FOLDER}/: move it there and use it as /${IMAGES_FOLDER}/${name}`;
  if (inData || DATA.test(name)) {
    return `is a data file the site does not read: its only data files are content/${DATA_FOLDER}/${DATA_FILES.join(" and ")}`;
  }
  if (name.startsWith(".")) return "is a hidden file, which is not content: delete it";
  return `is not a kind of file the site publishes: ${WHERE}`;
}

/** Why a folder the contract does not name is refused. */
function misplacedFolder(parents: string[], name: string): string {
  const dated = CONTENT_FOLDERS.find((type) => type.years && type.folder === parents[0]);
  if (dated)
    return `${dated.plural} go in a folder named for their year, such as content/${dated.folder}/2024/, not content/${dated.folder}/${[...parents.slice(1), name].join("/")}/`;
  if (name.startsWith("_")) {
    return `is a folder starting with "_", which the site does not publish; its only data folder is content/${DATA_FOLDER}/. Move the files where they belong: ${WHERE}`;
  }
  return `is a folder the site does not publish: ${WHERE}`;
}

/** An image's name, kind and bytes agree: a file named .png must be a PNG. */
function imageProblem(file: string, name: string): string | undefined {
  const named = IMAGE_EXTENSIONS[extensionOf(name).toLowerCase()];
  let actual;
  try {
    actual = imageFormatOf(fileStart(file));
  } catch (error) {
    return `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  if (!actual)
    return `is named as a${named === "avif" ? "n" : ""} ${named?.toUpperCase()} image but its contents are not an image: export the picture again as PNG or JPEG`;
  if (actual !== named) {
    const fixed = `${name.slice(0, name.lastIndexOf("."))}.${actual === "jpeg" ? "jpg" : actual}`;
    return `is a ${actual.toUpperCase()} image with a name ending ".${extensionOf(name)}": rename it to ${fixed}`;
  }
  return undefined;
}

/** What the contract makes of a file by its place and name (its bytes are checked apart). */
export type ContentKind = "markdown" | "data" | "image" | "document" | "placeholder";

const CONTENT_FOLDER_NAMES = new Set(CONTENT_FOLDERS.map((folder) => folder.folder));

/** Whether the contract names a folder `name` inside `parents` (the folders above it, from content/ down). */
function isContentFolder(parents: readonly string[], name: string): boolean {
  const top = parents[0];
  if (top === undefined) return name === DATA_FOLDER || name === IMAGES_FOLDER || name === DOCUMENTS_FOLDER || CONTENT_FOLDER_NAMES.has(name);
  if (top === IMAGES_FOLDER || top === DOCUMENTS_FOLDER) return /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name);
  return Boolean(CONTENT_FOLDERS.find((folder) => folder.folder === top)?.years && parents.length === 1 && /^\d{4}$/.test(name));
}

/** What a file named `name` inside `parents` is, or undefined when the contract does not name it. */
function contentKindOf(parents: readonly string[], name: string): ContentKind | undefined {
  const top = parents[0];
  const inMedia = top === IMAGES_FOLDER || top === DOCUMENTS_FOLDER || top === DATA_FOLDER;
  const extension = extensionOf(name).toLowerCase();
  if (name === ".gitkeep") return "placeholder";
  if (top === DATA_FOLDER && parents.length === 1 && DATA_FILES.includes(name)) return "data";
  if (name.endsWith(".md") && !inMedia) return "markdown";
  if (top === IMAGES_FOLDER && IMAGE_EXTENSIONS[extension]) return "image";
  if (top === DOCUMENTS_FOLDER && DOCUMENT_EXTENSIONS[extension] && !name.startsWith(".")) return "document";
  return undefined;
}

/**
 * The allow-list as a rule on one path, for a tool that reads or writes content/ (the
 * CMS's local backend): what the file at `relative` (inside content/, forward slashes)
 * is, or why the check would refuse it. Markdown must also be where its type goes. The
 * bytes of an image or document are the check's to judge once it is written.
 */
export function contentPathKind(relative: string): { kind: Exclude<ContentKind, "placeholder"> } | { problem: string } {
  const parts = relative.split("/");
  const name = parts.pop() ?? "";
  for (const [index, folder] of parts.entries()) {
    if (!isContentFolder(parts.slice(0, index), folder)) return { problem: misplacedFolder(parts.slice(0, index), folder) };
  }
  const kind = contentKindOf(parts, name);
  if (!kind || kind === "placeholder")
    return { problem: misplacedFile(name, parts[0] === IMAGES_FOLDER, parts[0] === DATA_FOLDER, parts[0] === DOCUMENTS_FOLDER) };
  if (kind === "markdown") {
    const located = locate(relative);
    if (!located.ok) return { problem: located.problem };
  }
  return { kind };
}

/** Whether the contract names the folder at `relative` (inside content/, forward slashes; "" is content/ itself). */
export function isContentFolderPath(relative: string): boolean {
  const parts = relative ? relative.split("/") : [];
  return parts.every((folder, index) => isContentFolder(parts.slice(0, index), folder));
}

/**
 * Walks every entry under the content folder without following links, and sorts each
 * into markdown to check, images to publish, or a problem.
 */
export function inventoryContent(contentDir: string): ContentInventory {
  const result: ContentInventory = { markdown: [], images: [], documents: [], problems: [] };
  const problem = (absolute: string, message: string) => result.problems.push({ file: displayPath(absolute), message, severity: "error" });

  const walk = (dir: string, parents: string[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      problem(dir, `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return;
    }
    const top = parents[0];
    const inImages = top === IMAGES_FOLDER;
    const inDocuments = top === DOCUMENTS_FOLDER;
    const inData = top === DATA_FOLDER;
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      const { name } = entry;
      if (entry.isSymbolicLink()) {
        problem(absolute, "is a symbolic link, which the site never follows: replace it with the file or folder itself");
        continue;
      }
      if (entry.isDirectory()) {
        if (isContentFolder(parents, name)) walk(absolute, [...parents, name]);
        else problem(absolute, misplacedFolder(parents, name));
        continue;
      }
      const kind = entry.isFile() ? contentKindOf(parents, name) : undefined;
      if (!entry.isFile()) {
        problem(absolute, "is not a file or a folder: delete it");
      } else if (kind === "placeholder" || kind === "data") {
        // An empty folder's placeholder for git is never read; the data files are read and checked against their schemas by the check.
      } else if (kind === "markdown") {
        result.markdown.push(absolute);
      } else if (kind === "image") {
        const wrong = imageProblem(absolute, name);
        if (wrong) problem(absolute, wrong);
        else result.images.push([...parents.slice(1), name].join("/"));
      } else if (kind === "document") {
        let wrong: string | undefined;
        try {
          wrong = documentProblem(absolute, DOCUMENT_EXTENSIONS[extensionOf(name).toLowerCase()] ?? "pdf");
        } catch (error) {
          wrong = `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
        }
        if (wrong) problem(absolute, wrong);
        else result.documents.push([...parents.slice(1), name].join("/"));
      } else {
        problem(absolute, misplacedFile(name, inImages, inData, inDocuments));
      }
    }
  };
  // Absolute paths: the parse cache, the build and the check name each file the same way.
  walk(path.resolve(contentDir), []);
  result.markdown.sort();
  return result;
}
