import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { parseHTML } from "linkedom";
import { FIXTURE_DAY, TODAY } from "./test-day.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface FixtureStory {
  slug: string;
  title: string;
  date: string;
  summary: string;
  tags?: string[];
  updated?: string;
  draft?: boolean;
  body?: string;
  image?: { src: string; alt: string; caption?: string; decorative?: boolean };
}

/**
 * Contact details for fixture sites that must have them (made up: an example.nhs.uk
 * address, and a number from Ofcom's range for drama). The real content has none until
 * the Trust gives them; a fixture without this gets the check's warning about it.
 */
export const FIXTURE_CONTACT = {
  email: "research@example.nhs.uk",
  phone: "01632 960000",
  address: ["Research and Innovation", "Example House", "Example Road", "EX1 2MP"],
  hours: "Monday to Friday, 9am to 5pm",
} as const;

export interface FixtureOptions {
  stories?: FixtureStory[];
  site?: Record<string, unknown>;
  /** Extra files by path relative to the content folder. */
  files?: Record<string, string | Uint8Array>;
}

/** Real (tiny) image files that decode to their last pixel: the check decodes every image in full. */
export const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
export const TINY_JPEG = Buffer.from(
  "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKAA/9k=",
  "base64",
);

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `ri-${prefix}-`));
}

export function markdownFile(data: Record<string, unknown>, body = ""): string {
  return `---\n${yaml.dump(data, { lineWidth: -1 })}---\n\n${body}\n`;
}

/**
 * Writes a small content folder: the real site data (with made-up contact details, so the
 * check's missing-contact warning is not in every fixture's problem list; `site: { contact:
 * undefined }` leaves them out) and topics, a home page and the given stories.
 */
export async function makeContent(root: string, options: FixtureOptions = {}): Promise<string> {
  const content = path.join(root, "content");
  await mkdir(path.join(content, "_data"), { recursive: true });
  const site = JSON.parse(await readFile(path.join(ROOT, "content", "_data", "site.json"), "utf8")) as Record<string, unknown>;
  await writeFile(path.join(content, "_data", "site.json"), JSON.stringify({ ...site, contact: FIXTURE_CONTACT, ...options.site }));
  await cp(path.join(ROOT, "content", "_data", "topics.json"), path.join(content, "_data", "topics.json"));
  await writeFile(path.join(content, "index.md"), markdownFile({ title: "Research and Innovation", summary: "Home." }, "Welcome."));
  for (const story of options.stories ?? []) {
    const { slug, body, ...data } = story;
    const file = path.join(content, "news", story.date.slice(0, 4), `${slug}.md`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, markdownFile(data, body ?? `The story of ${story.title}.`));
  }
  for (const [relative, text] of Object.entries(options.files ?? {})) {
    await mkdir(path.dirname(path.join(content, relative)), { recursive: true });
    await writeFile(path.join(content, relative), text);
  }
  return content;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's CLIs as an editor would, in a child process, as of the real
 * London day (as CI's deploy does) unless `env` names another RI_BUILD_DATE.
 */
export function runCli(script: "build" | "check" | "new", args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "src", "cli", `${script}.ts`), ...args],
      { cwd: ROOT, env: { ...process.env, RI_BUILD_DATE: TODAY, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Builds a fixture site as of FIXTURE_DAY (its stories are dated relative to it) unless `env` names another day. */
export async function buildFixture(options: FixtureOptions, env: Record<string, string> = {}) {
  const root = await tempDir("build");
  const content = await makeContent(root, options);
  const output = path.join(root, "_site");
  const result = await runCli("build", ["--input", content, "--output", output], { RI_BUILD_DATE: FIXTURE_DAY, ...env });
  if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
  return { root, content, output, result, cleanup: () => rm(root, { recursive: true, force: true, maxRetries: 10 }) };
}

export async function readPage(output: string, url: string): Promise<Document> {
  const file = url.endsWith(".html") ? url : path.join(url, "index.html");
  const html = await readFile(path.join(output, file), "utf8");
  return parseHTML(html).document;
}

export async function exists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}

/** Every file under a folder with its bytes, to prove a folder was not touched. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), (await readFile(file)).toString("base64"));
  }
  return files;
}

/** `n` stories, one a day going back from `newest`, so the expected order is known. */
export function storiesByDay(n: number, newest = "2024-12-31"): FixtureStory[] {
  const start = new Date(`${newest}T00:00:00Z`).getTime();
  return Array.from({ length: n }, (_, index) => {
    const date = new Date(start - index * 86_400_000 * 20).toISOString().slice(0, 10);
    const number = String(index + 1).padStart(2, "0");
    return { slug: `story-${number}`, title: `Story ${number}`, date, summary: `Summary of story ${number}.` };
  });
}
