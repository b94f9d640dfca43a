import { copyFile, lstat, mkdir } from "node:fs/promises";
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { BuildOptions } from "../build/build-options.ts";
import { checks } from "../build/check-handoff.ts";
import { type CheckResult, checkContent } from "../check/check.ts";
import { documentProblem } from "../check/document-signatures.ts";
import { checkedSource } from "../check/frontmatter.ts";
import { IMAGE_EXTENSIONS, fileStart, imageFormatOf } from "../check/file-signatures.ts";
import { formatProblem } from "../content/problems.ts";
import { DOCUMENTS_FOLDER, IMAGES_FOLDER } from "../content/site-urls.ts";
import { DOCUMENT_EXTENSIONS } from "../media/documents.ts";
import { publishSizedImages } from "../media/process-images.ts";
import type { EleventyConfig } from "./config-api.ts";

/**
 * The content folder is the trust boundary, and this is its second line. The check
 * (src/check/content-files.ts and src/check/check.ts) refuses whatever the content contract does not
 * name; here Eleventy is configured so that, even if the check missed something, the
 * build reads, runs and publishes nothing from content/ but the files the check passed:
 * no JavaScript or directory data files, no template formats but markdown, no
 * `_`-folders, no files reached through a link, no file whose text differs from what the
 * check read, and only the images and documents the check examined.
 */

/**
 * The check this build rests on. Eleventy run by itself (not through `npm run build`)
 * runs the check first and stops on any error, as the build does.
 */
export async function checkFor(inputDir: string, options: BuildOptions): Promise<CheckResult> {
  const key = path.resolve(inputDir);
  const known = checks.get(key);
  if (known) return known;
  const result = await checkContent(key, { preview: options.preview, today: options.today, renderPrefix: options.pathPrefix });
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length) throw new Error(`the content check failed:\n${errors.map(formatProblem).join("\n")}`);
  checks.set(key, result);
  return result;
}

/**
 * Where Eleventy looks for global data (eleventy.config.ts sets it, as only the config
 * file may): a folder that is never there, so no data file in content/_data/ runs.
 */
export const NO_DATA_FOLDER = ".eleventy-global-data-is-given-by-the-site-plugin";

export function contentBoundary(eleventyConfig: EleventyConfig, options: BuildOptions): void {
  const inputDir = path.resolve(eleventyConfig.directories.input);
  const checked = () => checkFor(inputDir, options);

  // No `*.11tydata.*` and no directory data files (`pages/pages.json`), JSON or JavaScript.
  eleventyConfig.setDataFileSuffixes([]);
  // No `_data/*.js` (the config file points Eleventy's data folder at NO_DATA_FOLDER):
  // the site's data is the check's reading of site.json and topics.json.
  eleventyConfig.addGlobalData("site", async () => (await checked()).site);
  eleventyConfig.addGlobalData("topics", async () => (await checked()).topics);

  // Eleventy resolves ignore patterns from the project folder, also for an input folder elsewhere.
  const input = path.relative(process.cwd(), inputDir).split(path.sep).join("/") || ".";
  for (const pattern of ["**/_*/**", "**/_*", "**/*.11ty.*", "**/*.11tydata.*", `${IMAGES_FOLDER}/**`, `${DOCUMENTS_FOLDER}/**`]) {
    eleventyConfig.ignores.add(`${input}/${pattern}`);
  }

  // Every template read from the disk must be a file the check passed, reached without a
  // link, with the same text the check read. Virtual templates (the site's generated
  // pages) are not on the disk.
  eleventyConfig.addPreprocessor("checked-content-only", "*", async (data) => {
    const inputPath = path.resolve((data.page as { inputPath?: string } | undefined)?.inputPath ?? "");
    const onDisk = await lstat(inputPath).then(
      () => true,
      () => false,
    );
    if (!onDisk) return undefined;
    const result = await checked();
    const passed = result.files.some((file) => path.resolve(file.file) === inputPath);
    if (!passed) throw new Error(`${inputPath} was not passed by the content check, so it is not built`);
    if (realpathSync(inputPath) !== path.join(realpathSync(inputDir), path.relative(inputDir, inputPath))) {
      throw new Error(`${inputPath} is reached through a symbolic link, so it is not built`);
    }
    if (readFileSync(inputPath, "utf8") !== checkedSource(inputPath)) {
      throw new Error(`${inputPath} changed after it was checked: run the build again`);
    }
    return undefined;
  });
  eleventyConfig.addPreprocessor("held-back", "md", (data) => (!options.preview && data.draft === true ? false : undefined));

  // Editors' images: only those the check examined (by name and by content), copied as
  // files, never as links, to /images/<name>.
  eleventyConfig.on("eleventy.after", async (...args: unknown[]) => {
    const { directories } = args[0] as { directories: { output: string } };
    for (const image of (await checked()).images) {
      const source = path.join(inputDir, IMAGES_FOLDER, image);
      // The check examined these; looked at again here, so that not even a check that
      // missed one can publish a link, or a page or script under an image's name.
      if (!(await lstat(source)).isFile()) throw new Error(`${source} is not a file, so it is not published`);
      const format = imageFormatOf(fileStart(source));
      if (!format || format !== IMAGE_EXTENSIONS[path.extname(source).slice(1).toLowerCase()]) {
        throw new Error(`${source} is not the image its name says, so it is not published`);
      }
      const target = path.join(directories.output, IMAGES_FOLDER, image);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(source, target);
    }
    // Their resized copies, made from the sizes and hashes the check read.
    await publishSizedImages((await checked()).media, directories.output);
    // Editors' documents, the same way: only those the check examined, looked at again.
    for (const document of (await checked()).documents) {
      const source = path.join(inputDir, DOCUMENTS_FOLDER, document);
      if (!(await lstat(source)).isFile()) throw new Error(`${source} is not a file, so it is not published`);
      const type = DOCUMENT_EXTENSIONS[path.extname(source).slice(1).toLowerCase()];
      if (!type || documentProblem(source, type)) throw new Error(`${source} is not the document its name says, so it is not published`);
      const target = path.join(directories.output, DOCUMENTS_FOLDER, document);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(source, target);
    }
  });
}
