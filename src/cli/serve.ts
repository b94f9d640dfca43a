import { type ChildProcess, spawn } from "node:child_process";
import { type FSWatcher, mkdirSync, watch } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { DEV_SERVER_PORT } from "./serve-port.ts";

/**
 * `npm start`: the editors' preview. Builds the site with drafts and embargoed stories
 * into `_preview/` (never `_site/`, so a preview can never be deployed by mistake), serves
 * it with live reload, and rebuilds on every change to the content, the site data, the
 * layouts or `src/`.
 *
 * Each rebuild is a fresh `npm run build -- --preview` process. Eleventy's own watch mode
 * re-imports only .js files (upstream issues 3551, 3737, 3824), so a changed layout or
 * module in src/ would be served stale; a new process imports everything afresh, and it
 * runs the same check first, so problems show in the terminal while the browser keeps
 * the last good preview. The server stays up throughout, so browsers stay connected and
 * reload by themselves after each build.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content" },
    output: { type: "string", default: "_preview" },
    port: { type: "string", default: String(DEV_SERVER_PORT) },
  },
});
const input = path.resolve(values.input);
const output = path.resolve(values.output);
const watched = [input, path.join(root, "src"), path.join(root, "layouts"), path.join(root, "eleventy.config.ts")];

/** Editors' swap files and the like are not changes to the site. */
const ignored = (name: string) => /(^|\/)(\.|#)|~$|\.swp$|\.tmp$/.test(name);

mkdirSync(output, { recursive: true });
const server = EleventyDevServer.getServer("ri-preview", output, {
  port: Number(values.port),
  // Layout changes touch every page: a full reload is simpler and always right.
  domDiff: false,
  messageOnStart: () => false,
  logger: { info: console.log, log: () => {}, error: console.error },
});

let running: ChildProcess | undefined;
let again = false;
let firstBuild = true;

function build(): void {
  if (running) {
    again = true;
    return;
  }
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "src", "cli", "build.ts"), "--preview", "--input", input, "--output", output],
    { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
  );
  running = child;
  // The build's own success line is noise here; its problems (on stderr) are not.
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line && !line.startsWith("Built ") && !line.startsWith("[11ty]")) console.log(line);
  });
  child.on("exit", (code) => {
    running = undefined;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (code === 0) {
      console.log(`Preview rebuilt in ${seconds} s${firstBuild ? `: open ${server.getServerUrl("localhost")}` : ""}`);
      firstBuild = false;
      server.reload({});
    } else if (code !== null) {
      console.log("Preview not rebuilt: fix the problems above and save again. The browser shows the last good preview.");
    }
    if (again) {
      again = false;
      build();
    }
  });
}

let timer: NodeJS.Timeout | undefined;
const watchers: FSWatcher[] = watched.map((target) =>
  watch(target, { recursive: true }, (_event, name) => {
    if (name && ignored(String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(build, 150);
  }),
);

server.serve(Number(values.port));
await server.ready();
console.log(`Preview at ${server.getServerUrl("localhost")} (drafts and embargoed stories included). Press Ctrl+C to stop.`);
build();

async function stop(): Promise<void> {
  for (const watcher of watchers) watcher.close();
  clearTimeout(timer);
  running?.kill("SIGTERM");
  await server.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
