import { inspect, parseArgs } from "node:util";
import { buildOptionsFromEnv } from "../build/build-options.ts";
import { buildSite, innermost } from "../build/build.ts";
import { formatProblem } from "../content/problems.ts";
import { normalisePrefix } from "../content/url.ts";

/**
 * `npm run build`: checks every content file, then builds the site into `_site/`.
 * On any problem it prints them all and exits non-zero, and `_site/` is not touched.
 */
const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    preview: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    pathprefix: { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});

/** Eleventy's message and the cause it wraps, without the stack (--verbose shows it). */
function errorSummary(error: unknown): string {
  const cause = innermost(error);
  // inspect() describes a plain object too, where String() gives "[object Object]".
  const message = (value: unknown) => (value instanceof Error ? value.message : inspect(value));
  const lines = [message(error), ...(cause !== error ? [message(cause)] : [])];
  return `${lines.join("\n")}\n(run the build with --verbose for the details a developer needs)`;
}

function errorDetail(error: unknown): string {
  const cause = innermost(error);
  const stack = (value: unknown) => (value instanceof Error ? (value.stack ?? value.message) : inspect(value));
  return cause !== error ? `${stack(error)}\nCaused by: ${stack(cause)}` : stack(error);
}

const env = buildOptionsFromEnv();
const started = performance.now();
const result = await buildSite({
  input: values.input,
  output: values.output,
  preview: values.preview || env.preview,
  today: env.today,
  pathPrefix: values.pathprefix ? normalisePrefix(values.pathprefix) : env.pathPrefix,
  searchIndex: env.searchIndex,
  quiet: !values.verbose,
  strict: values.strict,
});

for (const problem of result.check.problems) console.error(formatProblem(problem));
for (const notice of result.check.notices) console.log(notice);

if (result.ok) {
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`Built ${values.output}/ from ${result.check.files.length} content files in ${seconds} s.`);
} else {
  if (result.failure) console.error(result.failure);
  else if (result.error) console.error(values.verbose ? errorDetail(result.error) : errorSummary(result.error));
  console.error(`Build failed: ${values.output}/ was left as it was.`);
  process.exitCode = 1;
}
