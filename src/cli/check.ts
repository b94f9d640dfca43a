import { parseArgs } from "node:util";
import { buildOptionsFromEnv } from "../build/build-options.ts";
import { checkContent } from "../check/check.ts";
import { formatProblem } from "../content/problems.ts";

/**
 * `npm run check`: validates all content without building. `--strict` counts warnings
 * as errors; `--json` prints every problem as data, for CI annotations.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    preview: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
  },
});

const contentDir = positionals[0] ?? "content";
const env = buildOptionsFromEnv();
const result = await checkContent(contentDir, { preview: values.preview || env.preview, today: env.today, strict: values.strict });
const errors = result.problems.filter((problem) => problem.severity === "error");

if (values.json) {
  const report = {
    ok: !errors.length,
    errors: errors.length,
    warnings: result.problems.length - errors.length,
    problems: result.problems,
    notices: result.notices,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  for (const problem of result.problems) console.error(formatProblem(problem));
  for (const notice of result.notices) console.log(notice);
  const count = result.files.length;
  const warnings = result.problems.length - errors.length;
  const warned = warnings ? ` (${warnings} warning${warnings === 1 ? "" : "s"}: worth fixing, but they do not stop the build)` : "";
  console.log(
    errors.length
      ? `${errors.length} problem${errors.length === 1 ? "" : "s"} found in ${contentDir}: fix them and run the check again.${warned}`
      : `Checked ${count} content file${count === 1 ? "" : "s"}: no problems${warned}.`,
  );
}
process.exitCode = errors.length ? 1 : 0;
