import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LOCAL_BACKEND_ORIGIN, LOCAL_BACKEND_PORT } from "../cms/local-backend.ts";
import { contentFiles } from "../cms/local-files.ts";
import { startBackend } from "./cms-backend.ts";
import { ownOrigins } from "./request-guard.ts";

/**
 * `npm run cms`: the content editor on this machine, without GitHub. Serves Decap's
 * local-backend protocol on the working copy's content/ (src/cli/cms-backend.ts and
 * src/cms/local-files.ts, in this process) and starts the preview (`npm start`, with any
 * arguments given) as a child. The preview's /admin/ finds the backend by itself; what is
 * saved there is written into content/ at once, and the preview rebuilds and shows it.
 * Nothing is committed: that stays with git, as for any edit.
 *
 * Why not decap-server itself: it serves the whole project folder (only `../` is
 * refused), follows symbolic links, answers any Host and any localhost origin, and a
 * moved entry moves every file in its folder; in front of it, a guard would have to
 * re-read and re-judge every action's paths anyway. The protocol is a dozen small JSON
 * actions, so they are served here, on the check's own allow-list.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const project = process.cwd();
// Only this process and the preview's admin page know it: a page that guesses the
// backend's port still cannot use it.
const key = randomBytes(24).toString("base64url");

let origins: ReadonlySet<string> = new Set();
/** Set once each is started: a signal may come before. */
const running: { preview?: ChildProcess; backend?: Server } = {};
let stopping = false;

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  const { preview, backend } = running;
  if (preview?.exitCode === null && preview.signalCode === null) preview.kill("SIGTERM");
  backend?.close();
  backend?.closeAllConnections();
  process.exitCode = code;
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

try {
  running.backend = await startBackend({ files: contentFiles(project), port: LOCAL_BACKEND_PORT, key, origins: () => origins });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    `The content editor's backend could not start on ${LOCAL_BACKEND_ORIGIN}: ${code === "EADDRINUSE" ? "that port is in use (is another npm run cms running?); set RI_CMS_PORT to another port" : String(error)}. The preview was not started.`,
  );
  process.exit(1);
}

const preview = spawn(process.execPath, ["--import", "tsx", path.join(root, "src", "cli", "serve.ts"), ...process.argv.slice(2)], {
  cwd: project,
  env: { ...process.env, RI_CMS_PORT: String(LOCAL_BACKEND_PORT), RI_CMS_KEY: key },
  // The IPC channel tells this process the port the preview listens on: its editor's origin.
  stdio: ["inherit", "inherit", "inherit", "ipc"],
});
running.preview = preview;
preview.on("message", (message: { type?: string; port?: number }) => {
  if (message.type === "listening" && message.port) origins = ownOrigins(["localhost", "127.0.0.1"], message.port);
});
preview.on("exit", (code, signal) => {
  if (stopping) return;
  const why = signal ? `it was stopped by ${signal}` : `it exited with code ${code ?? "unknown"}`;
  console.error(`The preview (npm start) stopped: ${why}. The content editor cannot work without it, so its backend stops too.`);
  stop(code || 1);
});
running.backend.on("error", (error) => {
  console.error(`The content editor's backend stopped: ${error.message}. The preview stops too.`);
  stop(1);
});
console.log("The content editor is at /admin/ on the preview's address below; what you save there is written into content/.");
