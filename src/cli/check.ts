import { parseArgs } from "node:util";
import { buildOptionsFromEnv } from "../build-options.ts";
import { checkContent } from "../check.ts";
import { formatProblem } from "../problems.ts";

/** `npm run check`: validates all content without building. */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    preview: { type: "boolean", default: false },
  },
});

const contentDir = positionals[0] ?? "content";
const env = buildOptionsFromEnv();
const result = await checkContent(contentDir, { preview: values.preview || env.preview, today: env.today });
const errors = result.problems.filter((problem) => problem.severity === "error");

if (values.json) {
  process.stdout.write(`${JSON.stringify({ problems: result.problems, notices: result.notices }, null, 2)}\n`);
} else {
  for (const problem of result.problems) console.error(formatProblem(problem));
  for (const notice of result.notices) console.log(notice);
  const count = result.files.length;
  console.log(
    errors.length
      ? `${errors.length} problem${errors.length === 1 ? "" : "s"} found in ${contentDir}: fix them and run the check again.`
      : `Checked ${count} content file${count === 1 ? "" : "s"}: no problems.`,
  );
}
process.exitCode = errors.length ? 1 : 0;
