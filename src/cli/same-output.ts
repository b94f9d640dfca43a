import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeCorpus } from "../bench/corpus.ts";

/**
 * `npm run same-output -- --against <commit>`: builds the real content, a 1,000-story
 * bench corpus and the real content under the `/ri/` prefix with this working tree and
 * with another commit (checked out into a temporary worktree), and lists every file whose
 * bytes differ. A refactor that should change nothing proves it here: exit 0 means the
 * three sites are byte-identical. Both builds use the same build day, so embargoes and
 * "upcoming" decisions cannot differ.
 */
const { values } = parseArgs({
  options: {
    against: { type: "string", default: "HEAD" },
    stories: { type: "string", default: "1000" },
    date: { type: "string", default: "2026-11-15" },
    search: { type: "boolean", default: true },
  },
});

const root = process.cwd();
const work = mkdtempSync(path.join(tmpdir(), "ri-same-output-"));
const reference = path.join(work, "reference");

function hashes(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    found.set(path.relative(dir, file), createHash("sha256").update(readFileSync(file)).digest("hex"));
  }
  return found;
}

function build(tree: string, input: string, output: string, prefix?: string): void {
  const env = { ...process.env, RI_BUILD_DATE: values.date, RI_SEARCH_INDEX: values.search ? "1" : "0", RI_PREVIEW: "", RI_SITE_URL: "" };
  const args = ["--import", "tsx", "src/cli/build.ts", "--input", input, "--output", output, ...(prefix ? ["--pathprefix", prefix] : [])];
  execFileSync(process.execPath, args, { cwd: tree, env, stdio: ["ignore", "ignore", "inherit"] });
}

let differences = 0;
try {
  execFileSync("git", ["worktree", "add", "--detach", reference, values.against], { cwd: root, stdio: "ignore" });
  symlinkSync(path.join(root, "node_modules"), path.join(reference, "node_modules"));
  const corpus = await writeCorpus(path.join(work, "corpus"), path.join(root, "content"), { stories: Number(values.stories) });
  const sites: Array<{ name: string; input: string; prefix?: string }> = [
    { name: "real content", input: path.join(root, "content") },
    { name: `${values.stories}-story corpus`, input: corpus },
    { name: "real content under /ri/", input: path.join(root, "content"), prefix: "/ri/" },
  ];
  for (const [index, site] of sites.entries()) {
    const mine = path.join(work, `site-${index}-this`);
    const theirs = path.join(work, `site-${index}-reference`);
    build(root, site.input, mine, site.prefix);
    build(reference, site.input, theirs, site.prefix);
    const [a, b] = [hashes(mine), hashes(theirs)];
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
    differences += changed.length;
    console.log(`${site.name}: ${a.size} files, ${changed.length === 0 ? "byte-identical" : `${changed.length} differ`}`);
    for (const file of changed.slice(0, 20)) console.log(`  ${file}${!a.has(file) ? " (only in the reference)" : !b.has(file) ? " (only in this tree)" : ""}`);
  }
} finally {
  execFileSync("git", ["worktree", "remove", "--force", reference], { cwd: root, stdio: "ignore" });
  rmSync(work, { recursive: true, force: true });
}
console.log(differences === 0 ? `Same output as ${values.against}.` : `${differences} files differ from ${values.against}.`);
process.exitCode = differences === 0 ? 0 : 1;
