import path from "node:path";
import { inspect, parseArgs } from "node:util";
import { buildOptionsFromEnv } from "../build/build-options.ts";
import { buildSite } from "../build/build.ts";
import { liveSite, prepareUpdates, updateFile } from "../render/incremental.ts";
import { formatProblem } from "../check/problems.ts";

/**
 * The preview's builder, started by `npm start` (src/cli/serve.ts) as a child process
 * with an IPC channel. It builds the whole preview once, then stays running: an edited
 * story is re-rendered in place with the pages it changes, in a fraction of a second.
 * Any other change makes serve.ts start a new worker, which imports every module afresh.
 */
export type WorkerMessage =
  { type: "built"; ok: boolean; seconds: number } | { type: "updated"; pages: number; seconds: number } | { type: "problems" } | { type: "full" };

const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content" },
    output: { type: "string", default: "_preview" },
  },
});
const send = (message: WorkerMessage) => process.send?.(message);
const env = buildOptionsFromEnv();
const started = performance.now();
const result = await buildSite({ ...env, preview: true, input: values.input, output: values.output, quiet: true });
for (const problem of result.check.problems) console.error(formatProblem(problem));
// Whatever was thrown: inspect() describes a plain object too, where String() gives "[object Object]".
if (result.error) console.error(result.error instanceof Error ? (result.error.stack ?? result.error.message) : inspect(result.error));
// The build wrote into a staging folder and swapped it in: edits go to the real one.
const live = liveSite();
if (live) live.outputDir = path.resolve(values.output);
send({ type: "built", ok: result.ok, seconds: (performance.now() - started) / 1000 });
// While the editor looks at the preview, not when they save.
prepareUpdates();

// One save at a time, in order: a second save waits for the first one's pages.
let queue = Promise.resolve();
process.on("message", (message: { type: "file"; file: string }) => {
  // A failure here must not stop later saves being shown: a full rebuild starts afresh.
  queue = queue
    .then(() => fileSaved(message.file))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      send({ type: "full" });
    });
});

/** Checks and re-renders a saved content file, printing its problems as `npm run check` does. */
async function fileSaved(file: string): Promise<void> {
  const begun = performance.now();
  const update = await updateFile(file);
  if (update.kind === "problems") {
    for (const problem of update.problems) console.error(formatProblem(problem));
    send({ type: "problems" });
  } else if (update.kind === "full") {
    send({ type: "full" });
  } else {
    for (const warning of update.warnings) console.error(formatProblem(warning));
    send({ type: "updated", pages: update.urls.length, seconds: (performance.now() - begun) / 1000 });
  }
}
process.on("disconnect", () => process.exit(0));
