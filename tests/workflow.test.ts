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

  it("checks the content and runs every test, browser tests included, on Node 20", () => {
    const test = workflow.jobs.test as Job;
    assert.ok(uses(test, "actions/checkout"));
    assert.deepEqual(uses(test, "actions/setup-node")?.with, { "node-version": 20, cache: "npm" });
    const commands = runs(test);
    assert.match(commands, /apt-get install [^\n]*\bchromium\b/);
    const order = ["npm ci", "npm run check", "npm test"].map((command) => test.steps.findIndex((step) => step.run === command));
    assert.ok(order.every((index) => index >= 0), "npm ci, npm run check and npm test each run");
    assert.deepEqual(order, order.toSorted((a, b) => a - b), "in that order");
    assert.equal(test.if, undefined, "on every event");
  });

  it("deploys only from main, and only after the tests pass", () => {
    for (const name of ["build", "deploy"]) {
      const job = workflow.jobs[name] as Job;
      assert.ok(allNeeds(name).has("test"), `${name} waits for the tests`);
      assert.match(job.if ?? "", /github\.ref == 'refs\/heads\/main'/);
      assert.match(job.if ?? "", /github\.event_name != 'pull_request'/);
    }
    const deployers = Object.entries(workflow.jobs).filter(([, job]) => job.steps.some((step) => step.uses?.startsWith("actions/deploy-pages@")));
    assert.deepEqual(deployers.map(([name]) => name), ["deploy"]);
    const pagesWriters = Object.entries(workflow.jobs).filter(([, job]) => job.permissions?.pages === "write");
    assert.deepEqual(pagesWriters.map(([name]) => name), ["deploy"], "only the deploy job may write to Pages");
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
