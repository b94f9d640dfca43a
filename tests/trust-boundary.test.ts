import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, TINY_PNG, buildFixture, exists, makeContent, markdownFile, runCli, snapshot, tempDir } from "./helpers/fixture-site.ts";

/**
 * The content folder is the trust boundary. Each attack below is a file made the way
 * someone with commit access to content/ would make it. For each: the check names it,
 * the build fails and leaves the previous site byte for byte, nothing in it runs (its
 * payload would create a marker file), and even Eleventy run as if the check had passed
 * everything publishes none of it.
 */
interface Attack {
  name: string;
  /** Path relative to the content folder. */
  file: string;
  contents?: string | Uint8Array;
  /** Made as a symbolic link to this (a path, or "OUTSIDE" for a file outside content/). */
  linkTo?: string;
  /** What the check's message names, when not the file itself (a refused folder is named once). */
  named?: string;
  /** Output paths (site paths without the leading /) that must never exist. */
  artefacts: string[];
  /** Text that must never appear in any published file. */
  text?: string;
}

function attacks(marker: (name: string) => string): Attack[] {
  const js = (name: string) => `require("node:fs").writeFileSync(${JSON.stringify(marker(name))}, "ran");`;
  return [
    {
      name: "JavaScript front matter",
      file: "pages/js-front-matter.md",
      contents: `---js\n{ title: (${js("front-matter-js").slice(0, -1)}, "Pwned"), summary: "x" }\n---\nBody.\n`,
      artefacts: ["js-front-matter/index.html"],
    },
    {
      name: "javascript front matter, long name",
      file: "pages/javascript-front-matter.md",
      contents: `---javascript\nmodule.exports = { title: (function () { ${js("front-matter-javascript")} return "Pwned"; })(), summary: "x" };\n---\nBody.\n`,
      artefacts: ["javascript-front-matter/index.html"],
    },
    { name: "a page linked to a system file", file: "pages/passwd.md", linkTo: "/etc/passwd", artefacts: ["passwd/index.html"], text: "root:x:0:0" },
    { name: "a linked image", file: "images/linked.png", linkTo: "OUTSIDE", artefacts: ["images/linked.png"] },
    { name: "a linked folder", file: "pages/elsewhere", linkTo: "OUTSIDE_DIR", artefacts: ["outside/index.html"], text: "Outside the content folder" },
    {
      name: "markdown in a _-folder",
      file: "_includes/redirects.md",
      named: "_includes",
      contents: markdownFile({ title: "Redirects", summary: "x", permalink: "/_redirects" }, "/* https://attacker.example/ 301"),
      artefacts: ["_redirects", "_includes/redirects/index.html", "redirects/index.html"],
      text: "attacker.example",
    },
    {
      name: "a TSX template",
      file: "pages/evil.11ty.tsx",
      contents: `${js("tsx-template")}\nexport function render() { return "Pwned"; }\n`,
      artefacts: ["pages/evil/index.html", "evil/index.html"],
    },
    {
      name: "a JavaScript template data file",
      file: "pages/pages.11tydata.js",
      contents: `${js("template-data")}\nmodule.exports = { permalink: "/_redirects" };\n`,
      artefacts: ["_redirects"],
    },
    {
      name: "a JavaScript global data file",
      file: "_data/evil.js",
      contents: `${js("global-data")}\nmodule.exports = { pwned: true };\n`,
      artefacts: [],
    },
    {
      name: "directory data that switches pages to Liquid",
      file: "pages/pages.json",
      contents: JSON.stringify({ templateEngineOverride: "liquid,md" }),
      artefacts: [],
      text: "Liquid ran: 42",
    },
    { name: "an HTML page among the images", file: "images/page.html", contents: '<script src="/images/evil.js"></script>', artefacts: ["images/page.html"] },
    { name: "a script among the images", file: "images/evil.js", contents: "alert(document.domain)", artefacts: ["images/evil.js"] },
    {
      name: "an SVG with script",
      file: "images/logo.svg",
      contents: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      artefacts: ["images/logo.svg"],
    },
    { name: "HTML named as a PNG", file: "images/photo.png", contents: "<html><script>alert(1)</script></html>", artefacts: ["images/photo.png"] },
    { name: "HTML named as a PDF", file: "documents/report.pdf", contents: "<html><script>alert(1)</script></html>", artefacts: ["documents/report.pdf"] },
    { name: "HTML named as a CSV", file: "documents/table.csv", contents: "<!DOCTYPE html><script>alert(1)</script>", artefacts: ["documents/table.csv"] },
    {
      name: "HTML named as a Word document",
      file: "documents/letter.docx",
      contents: "<html><script>alert(1)</script></html>",
      artefacts: ["documents/letter.docx"],
    },
    {
      name: "a binary named as a CSV",
      file: "documents/data.csv",
      contents: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]),
      artefacts: ["documents/data.csv"],
    },
    { name: "an executable among the documents", file: "documents/setup.exe", contents: "MZ\x90\x00", artefacts: ["documents/setup.exe"] },
    { name: "an executable with a document's name first", file: "documents/report.pdf.exe", contents: "%PDF-1.4 MZ", artefacts: ["documents/report.pdf.exe"] },
    { name: "a page among the documents", file: "documents/page.html", contents: "<script>alert(1)</script>", artefacts: ["documents/page.html"] },
    { name: "a linked document", file: "documents/linked.pdf", linkTo: "OUTSIDE_PDF", artefacts: ["documents/linked.pdf"] },
    {
      name: "a story saved as .MD",
      file: "news/2024/shouting.MD",
      contents: markdownFile({ title: "Shouting", date: "2024-05-01", summary: "x" }),
      artefacts: ["news/2024/shouting/index.html"],
    },
    {
      name: "a story saved as .markdown",
      file: "news/2024/long.markdown",
      contents: markdownFile({ title: "Long", date: "2024-05-01", summary: "x" }),
      artefacts: ["news/2024/long/index.html"],
    },
    { name: "an Eleventy ignore file", file: ".eleventyignore", contents: "news/**\n", artefacts: [] },
    {
      name: "an HTML template beside the pages",
      file: "pages/about.html",
      contents: "<h1>Pwned</h1>",
      artefacts: ["pages/about.html", "about.html", "about/index.html"],
    },
  ];
}

/** A page every fixture has, whose body would show whether Liquid ran over it. */
const LIQUID_PROBE = markdownFile({ title: "Probe", summary: "A page whose body is not a template." }, "Liquid ran: {{ 6 | times: 7 }}");

async function plant(content: string, attack: Attack, outside: string): Promise<void> {
  const file = path.join(content, attack.file);
  await mkdir(path.dirname(file), { recursive: true });
  if (attack.linkTo) {
    const target =
      attack.linkTo === "OUTSIDE"
        ? path.join(outside, "picture.png")
        : attack.linkTo === "OUTSIDE_PDF"
          ? path.join(outside, "secret.pdf")
          : attack.linkTo === "OUTSIDE_DIR"
            ? path.join(outside, "pages")
            : attack.linkTo;
    await symlink(target, file);
  } else {
    await writeFile(file, attack.contents ?? "");
  }
}

async function makeOutside(root: string): Promise<string> {
  const outside = path.join(root, "outside");
  await mkdir(path.join(outside, "pages"), { recursive: true });
  await writeFile(path.join(outside, "picture.png"), TINY_PNG);
  await writeFile(path.join(outside, "secret.pdf"), "%PDF-1.4\nOutside the content folder\n%%EOF\n");
  await writeFile(
    path.join(outside, "pages", "outside.md"),
    markdownFile({ title: "Outside", summary: "Outside the content folder." }, "Outside the content folder."),
  );
  return outside;
}

/** Every published file's text, to look for what must never be published. */
async function publishedText(output: string): Promise<string> {
  if (!(await exists(path.join(output, "index.html"))) && !(await readdir(output).catch(() => null))) return "";
  const files = await readdir(output, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files
      .filter((entry) => entry.isFile() && /\.(?:html|xml|txt|json|js)$|_headers$/.test(entry.name) && !entry.parentPath.includes(`${path.sep}admin`))
      .map((entry) => readFile(path.join(entry.parentPath, entry.name), "utf8")),
  );
  return texts.join("\n");
}

describe("the content folder is the trust boundary", () => {
  let root: string;
  let markers: string;
  let outside: string;
  let list: Attack[];

  before(async () => {
    root = await tempDir("boundary");
    markers = path.join(root, "markers");
    await mkdir(markers);
    outside = await makeOutside(root);
    list = attacks((name) => path.join(markers, name));
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("the check names every attack file, runs none of them, and says where such files belong", async () => {
    const content = await makeContent(path.join(root, "check"), { files: { "pages/probe.md": LIQUID_PROBE } });
    for (const attack of list) await plant(content, attack, outside);
    const result = await runCli("check", [content]);
    assert.equal(result.code, 1);
    for (const attack of list) {
      const named = attack.named ?? attack.file;
      const line = result.stderr.split("\n").find((text) => text.includes(`/${named}:`));
      assert.ok(line, `${attack.name}: the check does not name ${named}:\n${result.stderr}`);
      assert.doesNotMatch(line, /no problems/);
    }
    assert.deepEqual(await readdir(markers), [], "nothing ran");
  });

  it("the build fails, nothing runs, and the previous site is byte for byte as it was", async () => {
    const site = await buildFixture({
      stories: [{ slug: "good", title: "Good", summary: "A good story.", date: "2024-11-01" }],
      files: { "pages/probe.md": LIQUID_PROBE },
    });
    try {
      const previous = await snapshot(site.output);
      for (const attack of list) await plant(site.content, attack, outside);
      const result = await runCli("build", ["--input", site.content, "--output", site.output]);
      assert.equal(result.code, 1, result.stdout);
      assert.match(result.stderr, /Build failed: .* was left as it was\./);
      assert.deepEqual(await snapshot(site.output), previous);
      assert.deepEqual(await readdir(markers), [], "nothing ran");
      const leftovers = (await readdir(site.root)).filter((name) => name.startsWith("_site."));
      assert.deepEqual(leftovers, [], "no half-built copies are left");
    } finally {
      await site.cleanup();
    }
  });

  it("with the check bypassed, Eleventy still runs and publishes none of it", { timeout: 600_000 }, async () => {
    const runs = await Promise.all(
      list.map(async (attack) => {
        const dir = path.join(root, "bypass", attack.file.replaceAll("/", "-"));
        const content = await makeContent(dir, { files: { "pages/probe.md": LIQUID_PROBE } });
        await plant(content, attack, outside);
        return { attack, content, output: path.join(dir, "_site") };
      }),
    );
    const log = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        ["--import", "tsx", path.join(ROOT, "tests", "helpers", "eleventy-unchecked.ts"), ...runs.flatMap((run) => [run.content, run.output])],
        { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
        (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
      ),
    );
    const results = log
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { input: string; ok: boolean; error?: string });
    assert.equal(results.length, runs.length, log);
    for (const { attack, output } of runs) {
      for (const artefact of attack.artefacts) {
        assert.equal(await exists(path.join(output, artefact)), false, `${attack.name}: ${artefact} was published`);
      }
      const published = await publishedText(output);
      if (attack.text) assert.ok(!published.includes(attack.text), `${attack.name}: "${attack.text}" was published`);
      assert.ok(!published.includes("Pwned"), `${attack.name}: its content was published`);
    }
    assert.deepEqual(await readdir(markers), [], "no attack's code ran");
    // Where an attack did not stop the build, the site was built: the probe page is there, as markdown.
    const built = runs.filter((run) => results.find((result) => result.input === run.content)?.ok);
    assert.ok(built.length > 0, log);
    for (const run of built) assert.match(await readFile(path.join(run.output, "probe", "index.html"), "utf8"), /Liquid ran: \{\{ 6 \| times: 7 \}\}/);
  });

  it("images are published only when their bytes are the image their name says", async () => {
    const site = await buildFixture({ files: { "images/team.png": TINY_PNG, "images/sub/chart.png": TINY_PNG } });
    try {
      assert.deepEqual(await readFile(path.join(site.output, "images", "team.png")), TINY_PNG);
      assert.deepEqual(await readFile(path.join(site.output, "images", "sub", "chart.png")), TINY_PNG);
    } finally {
      await site.cleanup();
    }
  });

  it("documents are published only when their bytes are the document their name says", async () => {
    const pdf = Buffer.from("%PDF-1.7\n%%EOF\n");
    // An ODT's first zip entry is its uncompressed mimetype (ODF 1.2, part 3, section 3.3).
    const odtMime = "application/vnd.oasis.opendocument.text";
    const odt = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0]),
      Buffer.from(`mimetype${odtMime}`),
    ]);
    const site = await buildFixture({ files: { "documents/plan.pdf": pdf, "documents/sub/notes.odt": odt, "documents/table.csv": "a,b\n1,2\n" } });
    try {
      assert.deepEqual(await readFile(path.join(site.output, "documents", "plan.pdf")), pdf);
      assert.deepEqual(await readFile(path.join(site.output, "documents", "sub", "notes.odt")), odt);
      assert.equal(await readFile(path.join(site.output, "documents", "table.csv"), "utf8"), "a,b\n1,2\n");
      const headers = await readFile(path.join(site.output, "_headers"), "utf8");
      assert.match(headers, /\/documents\/\*\n(?: {2}.*\n)*? {2}Content-Disposition: attachment/);
    } finally {
      await site.cleanup();
    }
  });

  it("a copy of the real content passes, so the boundary refuses nothing the site uses", async () => {
    const dir = await tempDir("boundary-real");
    try {
      await cp(path.join(ROOT, "content"), path.join(dir, "content"), { recursive: true });
      const result = await runCli("check", [path.join(dir, "content")]);
      assert.equal(result.code, 0, result.stderr);
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    }
  });
});
