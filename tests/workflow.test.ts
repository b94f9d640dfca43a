import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import yaml from "js-yaml";
import { ROOT } from "./helpers/fixture-site.ts";

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  env?: Record<string, string>;
  "timeout-minutes"?: number;
  "runs-on"?: string;
  strategy?: { matrix?: Record<string, unknown> };
  needs?: string | string[];
  if?: string;
  container?: string;
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const needsOf = (job: Job): string[] => (job.needs === undefined ? [] : [job.needs].flat());
const uses = (job: Job, action: string) => job.steps.find((step) => step.uses?.split("@")[0] === action);
const runs = (job: Job) => job.steps.map((step) => step.run ?? "").join("\n");

/** GitHub Actions cannot run here, so the workflow's promises are checked as data. */
describe("the GitHub Actions workflow", () => {
  let workflow: Workflow;
  before(async () => {
    workflow = yaml.load(await readFile(path.join(ROOT, ".github", "workflows", "test-and-deploy.yml"), "utf8")) as Workflow;
  });

  /** Every job a job waits for, directly or through others. */
  function allNeeds(name: string): Set<string> {
    const found = new Set<string>();
    const visit = (job: string) => {
      for (const need of needsOf(workflow.jobs[job] as Job)) {
        if (found.has(need)) continue;
        found.add(need);
        visit(need);
      }
    };
    visit(name);
    return found;
  }

  it("runs on every pull request, on main, and daily for embargoed stories", () => {
    assert.ok("pull_request" in workflow.on);
    assert.deepEqual((workflow.on.push as { branches: string[] }).branches, ["main"]);
    assert.ok(Array.isArray(workflow.on.schedule));
    assert.deepEqual(workflow.permissions, { contents: "read" });
  });

  /** The order of the given commands among a job's steps, or -1 for each one missing. */
  const orderOf = (job: Job, commands: string[]) => commands.map((command) => job.steps.findIndex((step) => step.run === command));
  const inOrder = (order: number[]) => order.every((index) => index >= 0) && order.every((index, i) => i === 0 || index > (order[i - 1] ?? -1));

  it("gates every pull request, push and nightly run on the content: check, build, then checks of the built site, with Chromium for axe", () => {
    const content = workflow.jobs.content as Job;
    assert.equal(content.if, undefined, "on every event");
    assert.deepEqual(needsOf(content), [], "waits for nothing");
    assert.match(content.name ?? "", /^Content gate/);
    const commands = runs(content);
    assert.match(commands, /apt-get install [^\n]*\bchromium\b/);
    assert.ok(inOrder(orderOf(content, ["npm ci", "npm run check", "npm run build", "npm run check:site"])), "npm ci, check, build, check:site, in that order");
  });

  it("runs the generator's whole suite, on Node 20, 22 and 24, only for a pull request that changes something outside content/", () => {
    const changes = workflow.jobs.changes as Job;
    assert.equal(changes.if, "github.event_name == 'pull_request'");
    const suite = workflow.jobs.suite as Job;
    assert.match(suite.name ?? "", /test suite/);
    assert.deepEqual(needsOf(suite), ["changes"]);
    assert.equal(suite.if, "needs.changes.outputs.code == 'true'");
    assert.deepEqual(suite.strategy?.matrix?.node, [20, 22, 24]);
    assert.equal(suite.container, "node:${{ matrix.node }}-bookworm");
    assert.deepEqual(uses(suite, "actions/setup-node")?.with, { "node-version": "${{ matrix.node }}", cache: "npm" });
    const commands = runs(suite);
    assert.match(commands, /apt-get install [^\n]*\bchromium\b/);
    assert.match(commands, /apt-get install [^\n]*\bdefault-jre-headless\b/, "Java, for the Nu HTML Checker");
    const install = suite.steps.find((step) => step.run?.startsWith("npm ci"))?.run ?? "";
    assert.match(
      install,
      /^npm ci 2> "(\$RUNNER_TEMP\/npm-ci\.log)"[^]*\n! grep -q "\^npm warn" "\1"\n$/,
      "a warning from npm ci on any supported Node fails the suite",
    );
    assert.ok(inOrder(orderOf(suite, [install, "npm test"])));
    assert.match(commands, /TZ="\$zone"/, "the date tests again under far time zones");
  });

  it("runs the browser suites once, on the Node version the site is deployed with", () => {
    assert.equal(workflow.jobs.suite?.env?.RI_SKIP_BROWSER_TESTS, "${{ matrix.node != 24 && '1' || '' }}");
  });

  it("tells content-only pull requests from code ones by the files changed outside content/", async () => {
    const step = (workflow.jobs.changes as Job).steps.find((s) => s.id === "paths");
    assert.deepEqual(uses(workflow.jobs.changes as Job, "actions/checkout")?.with, { "fetch-depth": 2 });
    // The step's own script, run on a merge commit as GitHub makes for a pull request.
    const repo = await mkdtemp(path.join(tmpdir(), "ri-changes-"));
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", ...args], { cwd: repo, encoding: "utf8" });
    const codeFor = async (changed: string[]): Promise<string> => {
      git("init", "-q", "-b", "main");
      await mkdir(path.join(repo, "content", "news"), { recursive: true });
      await writeFile(path.join(repo, "content", "news", "a.md"), "a");
      await writeFile(path.join(repo, "package.json"), "{}");
      git("add", ".");
      git("commit", "-q", "-m", "base");
      git("checkout", "-q", "-b", "change");
      for (const file of changed) {
        await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
        await writeFile(path.join(repo, file), "changed");
      }
      git("add", ".");
      git("commit", "-q", "-m", "change");
      git("checkout", "-q", "main");
      git("merge", "-q", "--no-ff", "-m", "merge", "change");
      const output = path.join(repo, ".output");
      execFileSync("bash", ["-e", "-c", step?.run ?? "exit 1"], { cwd: repo, env: { ...process.env, GITHUB_OUTPUT: output }, stdio: "ignore" });
      const code = (await readFile(output, "utf8")).trim();
      await rm(path.join(repo), { recursive: true, force: true });
      await mkdir(repo);
      return code;
    };
    try {
      assert.equal(await codeFor(["content/news/b.md", "content/images/c.png"]), "code=false");
      assert.equal(await codeFor(["content/news/b.md", "src/x.ts"]), "code=true");
      assert.equal(await codeFor(["package-lock.json"]), "code=true");
      assert.equal(await codeFor([".github/workflows/test-and-deploy.yml"]), "code=true");
      assert.equal(await codeFor(["layouts/x.tsx"]), "code=true");
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it("gives every job a time limit", () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const limit = job["timeout-minutes"];
      assert.ok(typeof limit === "number" && limit > 0 && limit <= 60, `${name} has timeout-minutes`);
    }
  });

  it("builds the site for deployment on the Node version .nvmrc names", () => {
    assert.deepEqual(uses(workflow.jobs.build as Job, "actions/setup-node")?.with, { "node-version-file": ".nvmrc", "package-manager-cache": false });
  });

  it("pins every action to a full commit, with the release it is in a comment", async () => {
    const text = await readFile(path.join(ROOT, ".github", "workflows", "test-and-deploy.yml"), "utf8");
    const lines = text.split("\n").filter((line) => /^\s*(-\s+)?uses:/.test(line));
    assert.ok(lines.length >= 6);
    for (const line of lines) assert.match(line, /uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/, line);
  });

  it("deploys only from main, after the content gate and never waiting for the generator's suite", () => {
    for (const name of ["build", "deploy"]) {
      const job = workflow.jobs[name] as Job;
      assert.ok(allNeeds(name).has("content"), `${name} waits for the content gate`);
      assert.ok(!allNeeds(name).has("suite"), `${name} does not wait for the generator's suite`);
      assert.match(job.if ?? "", /github\.ref == 'refs\/heads\/main'/);
      assert.match(job.if ?? "", /github\.event_name != 'pull_request'/);
    }
    const deployers = Object.entries(workflow.jobs).filter(([, job]) => job.steps.some((step) => step.uses?.startsWith("actions/deploy-pages@")));
    assert.deepEqual(
      deployers.map(([name]) => name),
      ["deploy"],
    );
    const pagesWriters = Object.entries(workflow.jobs).filter(([, job]) => job.permissions?.pages === "write");
    assert.deepEqual(
      pagesWriters.map(([name]) => name),
      ["deploy"],
      "only the deploy job may write to Pages",
    );
    assert.equal((workflow.jobs.deploy as Job).environment?.name, "github-pages");
  });

  it("builds under the project site's path prefix and uploads _site", () => {
    const build = workflow.jobs.build as Job;
    const pages = uses(build, "actions/configure-pages");
    assert.ok(pages?.id);
    const step = build.steps.find((s) => s.run === "npm run build");
    assert.equal(step?.env?.RI_PATH_PREFIX, `\${{ steps.${pages.id}.outputs.base_path }}`);
    assert.equal(step?.env?.RI_SITE_URL, `\${{ steps.${pages.id}.outputs.origin }}`);
    assert.deepEqual(uses(build, "actions/upload-pages-artifact")?.with, { path: "_site" });
  });
});

describe("the repository's housekeeping", () => {
  it("names the current Node LTS in .nvmrc, and supports it, 22 and 20 in package.json", async () => {
    const nvmrc = (await readFile(path.join(ROOT, ".nvmrc"), "utf8")).trim();
    assert.equal(nvmrc, "24");
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as {
      engines: { node: string };
      license: string;
      scripts: Record<string, string>;
    };
    assert.equal(pkg.engines.node, "^20.19.0 || ^22.13.0 || ^24.0.0");
    assert.match(pkg.scripts.test ?? "", /npm run lint/);
  });

  it("has a licence file for the licence package.json names", async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { license: string };
    assert.equal(pkg.license, "MIT");
    const licence = await readFile(path.join(ROOT, "LICENSE"), "utf8");
    assert.match(licence, /^MIT License\n\nCopyright \(c\) /);
    assert.match(licence, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
  });

  it("has Dependabot keep npm packages and GitHub Actions up to date", async () => {
    const config = yaml.load(await readFile(path.join(ROOT, ".github", "dependabot.yml"), "utf8")) as {
      version: number;
      updates: { "package-ecosystem": string; directory: string; schedule: { interval: string } }[];
    };
    assert.equal(config.version, 2);
    assert.deepEqual(config.updates.map((update) => update["package-ecosystem"]).sort(), ["github-actions", "npm"]);
    for (const update of config.updates) assert.equal(update.directory, "/");
  });
});
