import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { previewAdminPage } from "./preview-admin.ts";
import { guardServer, guardUpgrades, hostRefusal, originRefusal, ownHostNames, ownOrigins, pathRefusal } from "./request-guard.ts";
import { SCRIPT_NODE_ARGS } from "../build/script-args.ts";
import type { WorkerMessage } from "./preview-worker.ts";
import { DEV_SERVER_PORT } from "./serve-port.ts";
import { watchFiles } from "./watch-files.ts";
import { locate } from "../content/types.ts";

/**
 * `npm start`: the editors' preview. Builds the site with drafts and embargoed stories
 * into `_preview/` (never `_site/`, so a preview can never be deployed by mistake), serves
 * it with live reload, and rebuilds on every change to the content, the site data, the
 * layouts or `src/`.
 *
 * Builds run in a worker process (src/cli/preview-worker.ts). A saved story is re-rendered
 * by the running worker with only the pages it changes. Any other change starts a new
 * worker: Eleventy's own watch mode re-imports only .js files (upstream issues 3551, 3737,
 * 3824), so a changed layout or module in src/ would be served stale, while a new process
 * imports everything afresh and runs the whole check first. Problems show in the terminal
 * while the browser keeps the last good preview. The server stays up throughout, so
 * browsers stay connected and reload by themselves after each build.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content" },
    output: { type: "string", default: "_preview" },
    port: { type: "string", default: String(DEV_SERVER_PORT) },
    // The preview shows drafts and embargoed stories: only this machine sees it unless
    // someone chooses otherwise (`--host 0.0.0.0` for a phone on the same network).
    host: { type: "string", default: "127.0.0.1" },
  },
});
// Given by `npm run cms` to this process alone: the admin page's key to the local backend.
const backendKey = process.env.RI_CMS_KEY;
delete process.env.RI_CMS_KEY;
const input = path.resolve(values.input);
const shownHost = values.host === "127.0.0.1" ? "localhost" : values.host;
const output = path.resolve(values.output);
const watched = [input, path.join(root, "src"), path.join(root, "layouts"), path.join(root, "eleventy.config.ts")];

mkdirSync(output, { recursive: true });
const server = EleventyDevServer.getServer("ri-preview", output, {
  port: Number(values.port),
  // Layout changes touch every page: a full reload is simpler and always right.
  domDiff: false,
  middleware: [previewAdminPage(output, backendKey)],
  messageOnStart: () => false,
  logger: { info: console.log, log: () => {}, error: console.error },
});

let worker: ChildProcess | undefined;
let ready = false;
let again = false;
let firstBuild = true;
/** Set once the preview is stopping (see stop()). */
let stopping = false;

/** Starts a new worker: a full preview build in a fresh process, which then stays for story edits. */
function build(): void {
  if (stopping) return;
  if (worker && !ready) {
    again = true;
    return;
  }
  worker?.kill("SIGTERM");
  ready = false;
  const child = fork(path.join(root, "src", "cli", "preview-worker.ts"), ["--input", input, "--output", output], {
    cwd: process.cwd(),
    execArgv: [...SCRIPT_NODE_ARGS],
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  worker = child;
  // The build's own success line is noise here; its problems (on stderr) are not.
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line && !line.startsWith("Built ") && !line.startsWith("[11ty]")) console.log(line);
  });
  child.on("message", (message: WorkerMessage) => {
    if (message.type === "built") {
      ready = true;
      if (message.ok) {
        console.log(`Preview rebuilt in ${message.seconds.toFixed(1)} s${firstBuild ? `: open ${server.getServerUrl(shownHost)}` : ""}`);
        firstBuild = false;
        server.reload({});
      } else {
        console.log("Preview not rebuilt: fix the problems above and save again. The browser shows the last good preview.");
      }
      if (again) {
        again = false;
        build();
      }
    } else if (message.type === "updated") {
      console.log(`Story updated in ${(message.seconds * 1000).toFixed(0)} ms (${message.pages} page${message.pages === 1 ? "" : "s"} written)`);
      server.reload({});
    } else if (message.type === "problems") {
      console.log("Preview not rebuilt: fix the problems above and save again. The browser shows the last good preview.");
    } else {
      build();
    }
  });
  child.on("exit", () => {
    if (worker === child) {
      worker = undefined;
      ready = false;
    }
  });
}

/** A saved content file is re-rendered by the running worker; anything else (data, images, a new folder) rebuilds the preview. */
function changed(file: string): void {
  const relative = path.relative(input, file).split(path.sep).join("/");
  if (worker && ready && locate(relative).ok) worker.send({ type: "file", file });
  else build();
}

// One save is one burst of events (see watchFiles): a single file is acted on alone.
const watcher = watchFiles(watched, (files) => {
  if (files.length === 1 && files[0]) changed(files[0]);
  else build();
});

// It shows drafts and embargoed stories: it answers only its own names and origins, and
// no request can stop it (src/cli/request-guard.ts). Eleventy's dev server answers any
// Host and ends on a path such as /..%2f, so its own handling comes after this guard.
const names = ownHostNames(values.host);
const httpServer = server.server;
const listeningPort = () => (httpServer.address() as AddressInfo | null)?.port ?? Number(values.port);
const guard = (request: IncomingMessage) =>
  hostRefusal(request, names, listeningPort()) ?? pathRefusal(request.url) ?? originRefusal(request, ownOrigins(names, listeningPort()));
guardServer(httpServer, guard, "The preview");
// The dev server adds its live-reload WebSocket when it starts listening, before this runs.
httpServer.once("listening", () => guardUpgrades(httpServer, guard, "The preview"));

// Eleventy's dev server listens on every interface and has no setting for it.
server._serverListen = function (this: EleventyDevServer, port: number) {
  this.server.listen({ port, host: values.host });
};
server.serve(Number(values.port));
// A save made before the watcher is ready would go unheard.
await Promise.all([server.ready(), watcher.ready]);
// `npm run cms` allows the editor's page at this port, which may not be the one asked for.
process.send?.({ type: "listening", port: listeningPort() });
console.log(`Preview at ${server.getServerUrl(shownHost)} (drafts and embargoed stories included). Press Ctrl+C to stop.`);
build();

async function stop(): Promise<void> {
  // No new worker from here on: one started while stopping (a build that was waiting for
  // the one before) would miss the signal and outlive the preview.
  stopping = true;
  await watcher.close();
  worker?.kill("SIGTERM");
  await server.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
