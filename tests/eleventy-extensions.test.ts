import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildFixture, snapshot, storiesByDay } from "./helpers/fixture-site.ts";
import { copyProject } from "./helpers/project-copy.ts";
import { FIXTURE_DAY } from "./helpers/test-day.ts";

/**
 * Eleventy renders no page of this site, but what an Eleventy user adds in
 * eleventy.config.ts still applies: a transform to every page and file the renderer
 * writes, a filter to the layouts (src/render/extensions.ts).
 */
describe("an Eleventy user's transforms and filters", { timeout: 300_000 }, () => {
  const env = { RI_BUILD_DATE: FIXTURE_DAY, RI_SEARCH_INDEX: "0" };
  let site: Awaited<ReturnType<typeof buildFixture>>;
  let plain: Map<string, string>;
  let extended: Map<string, string>;

  before(async () => {
    site = await buildFixture({ stories: storiesByDay(3) }, env);
    plain = await snapshot(site.output);
    const project = await copyProject(site.root);
    const config = path.join(project, "eleventy.config.ts");
    const userConfig = `eleventyConfig.addPlugin(sitePlugin);
  eleventyConfig.addTransform("mark-pages", function (this: { url: string; outputPath: string }, content: string) {
    return this.outputPath.endsWith(".html") ? content.replace("<html ", \`<html data-built-page="\${this.url}" \`) : content;
  });
  eleventyConfig.addFilter("shout", function (this: { page: { url: string } }, text: string) {
    return \`\${text.toUpperCase()} at \${this.page.url}\`;
  });`;
    await writeFile(config, (await readFile(config, "utf8")).replace("eleventyConfig.addPlugin(sitePlugin);", userConfig));
    // A layout that uses the user's filter and one of Eleventy's own (slugify).
    const layout = path.join(project, "layouts", "404.tsx");
    const layoutText = (await readFile(layout, "utf8")).replace(
      "<h1>Page not found</h1>",
      '<h1 id={String(data.filters.slugify("Page Not Found"))}>{String(data.filters.shout("Page not found"))}</h1>',
    );
    assert.match(layoutText, /data\.filters\.shout/, "the 404 layout's heading is where this test expects it");
    await writeFile(layout, layoutText);
    const output = path.join(site.root, "_site-extended");
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        ["--import", "tsx", "src/cli/build.ts", "--input", site.content, "--output", output],
        { cwd: project, env: { ...process.env, ...env } },
        (error, _stdout, stderr) => (error ? reject(new Error(stderr)) : resolve()),
      ),
    );
    extended = await snapshot(output);
  });
  after(() => site.cleanup());

  it("runs a transform added in eleventy.config.ts over every page, and changes nothing else", () => {
    assert.deepEqual([...extended.keys()].sort(), [...plain.keys()].sort());
    const pages = [...plain.keys()].filter((file) => file.endsWith(".html"));
    assert.ok(pages.length > 5, `pages: ${pages.join(", ")}`);
    for (const [file, bytes] of plain) {
      const text = Buffer.from(extended.get(file) ?? "", "base64").toString("utf8");
      if (!file.endsWith(".html")) {
        assert.equal(extended.get(file), bytes, `${file} is not a page, and the transform leaves it alone`);
        continue;
      }
      const url = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
      assert.ok(text.includes(`<html data-built-page="${url}" `), `${file} went through the transform as ${url}`);
      if (file === "404.html") continue;
      assert.equal(text.replace(` data-built-page="${url}"`, ""), Buffer.from(bytes, "base64").toString("utf8"), `${file} is otherwise as built without it`);
    }
  });

  it("hands the config's filters to layouts, Eleventy's own among them, each called for its page", () => {
    const page = Buffer.from(extended.get("404.html") ?? "", "base64").toString("utf8");
    assert.match(page, /<h1 id="page-not-found">PAGE NOT FOUND at \/404\.html<\/h1>/);
  });
});
