import path from "node:path";
import { inspect, parseArgs } from "node:util";
import { buildOptionsFromEnv } from "../build/build-options.ts";
import { buildSite } from "../build/build.ts";
import { liveSite, prepareUpdates, updateFile } from "../render/incremental.ts";
import { displayPath, formatProblem } from "../content/problems.ts";
import { filesChangedSinceRead } from "../check/frontmatter.ts";

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
// The preview is gone (stopped, or killed): so is this, even mid-build, and at once, as
// serve.ts stops a worker (SIGTERM). Not process.exit(): its exit handlers can load a
// module through tsx's loader thread, which is shutting down too, and the main thread
// then waits for it for ever (seen on Node 20: a worker left running after `npm run cms`
// was killed). A disconnect while this module's imports were loading went unheard:
// hence the test after.
const gone = () => process.kill(process.pid, "SIGTERM");
process.on("disconnect", gone);
if (!process.connected) gone();
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

/** Files saved while the check found errors: the preview showed none of them. */
const unshown = new Set<string>();

/** Checks and re-renders a saved content file, printing its problems as `npm run check` does. */
async function fileSaved(file: string): Promise<void> {
  const begun = performance.now();
  const update = await updateFile(file);
  if (update.kind === "problems") {
    unshown.add(file);
    for (const problem of update.problems) console.error(formatProblem(problem));
    send({ type: "problems" });
    return;
  }
  unshown.delete(file);
  // Another file saved while the errors stood has never been shown: build it all afresh.
  if (update.kind === "full" || unshown.size > 0) {
    send({ type: "full" });
    return;
  }
  for (const warning of update.warnings) console.error(formatProblem(warning));
  send({ type: "updated", pages: update.urls.length, seconds: (performance.now() - begun) / 1000 });
  // The save read only the saved file, trusting the watcher to name every save. Once its
  // page is out, look at every other file: a change the watcher missed rebuilds it all.
  const missed = filesChangedSinceRead(values.input);
  if (missed.length > 0) {
    console.log(`${displayPath(missed[0] ?? "")} changed without a save being heard: rebuilding the preview.`);
    send({ type: "full" });
  }
}
