import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { buildOptionsFromEnv } from "../../build/build-options.ts";
import { checkContent } from "../../check/check.ts";
import { formatProblem } from "../../content/problems.ts";
import { rememberCheck } from "../../build/check-handoff.ts";

/**
 * EXPERIMENT (issue 26): builds a content folder through the Eleventy-native pages
 * (plugin.ts), for the engine bench (src/bench/eleventy-native/bench.ts).
 * `--watch` runs Eleventy's own watch with its incremental builds instead, as a preview
 * would: a save to a story rebuilds through Eleventy.
 * Usage: node --import tsx src/bench/eleventy-native/build.ts --input D --output D [--watch]
 */
const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    watch: { type: "boolean", default: false },
  },
});
const configPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "eleventy.config.ts");
const started = performance.now();
const options = buildOptionsFromEnv();
if (values.watch) process.env.RI_PREVIEW = "1";
else {
  // As `npm run build`: the check first, and Eleventy builds what it passed.
  const check = await checkContent(values.input, { preview: options.preview, today: options.today, renderPrefix: options.pathPrefix });
  const errors = check.problems.filter((problem) => problem.severity === "error");
  if (errors.length) {
    for (const problem of errors) console.error(formatProblem(problem));
    process.exit(1);
  }
  rememberCheck(values.input, check);
}
const eleventy = new Eleventy(values.input, values.output, { configPath, quietMode: true, source: "cli" });
if (values.watch) {
  // Eleventy's watch API, which the project's declaration (src/vendor-types/eleventy.d.ts) leaves out.
  const watching = eleventy as unknown as { setIncrementalBuild(on: boolean): void; init(): Promise<void>; watch(): Promise<void> };
  watching.setIncrementalBuild(true);
  await watching.init();
  await watching.watch();
  console.log(`Eleventy-native preview ready in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} else {
  await eleventy.write();
  console.log(`Built ${values.output}/ through Eleventy-native pages in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
}
