import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
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

  it("checks the content and runs every test, browser tests included, on Node 20, 22 and 24", () => {
    const test = workflow.jobs.test as Job;
    assert.deepEqual(test.strategy?.matrix?.node, [20, 22, 24]);
    assert.equal(test.container, "node:${{ matrix.node }}-bookworm");
    assert.ok(uses(test, "actions/checkout"));
    assert.deepEqual(uses(test, "actions/setup-node")?.with, { "node-version": "${{ matrix.node }}", cache: "npm" });
    const commands = runs(test);
    assert.match(commands, /apt-get install [^\n]*\bchromium\b/);
    assert.match(commands, /apt-get install [^\n]*\bdefault-jre-headless\b/, "Java, for the Nu HTML Checker");
    const order = ["npm ci", "npm run check", "npm test"].map((command) => test.steps.findIndex((step) => step.run === command));
    assert.ok(
      order.every((index) => index >= 0),
      "npm ci, npm run check and npm test each run",
    );
    assert.deepEqual(
      order,
      order.toSorted((a, b) => a - b),
      "in that order",
    );
    assert.equal(test.if, undefined, "on every event");
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

  it("deploys only from main, and only after the tests pass", () => {
    for (const name of ["build", "deploy"]) {
      const job = workflow.jobs[name] as Job;
      assert.ok(allNeeds(name).has("test"), `${name} waits for the tests`);
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
