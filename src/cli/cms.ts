import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LOCAL_BACKEND_HOST, LOCAL_BACKEND_PORT } from "../cms/local-backend.ts";

/**
 * `npm run cms`: the content editor on this machine, without GitHub. Starts Decap's
 * local backend (`decap-server`, from npm) on the working copy and the preview
 * (`npm start`, with any arguments given). The preview's /admin/ finds the local backend
 * by itself; what is saved there is written into content/ at once, and the preview
 * rebuilds and shows it. Nothing is committed: that stays with git, as for any edit.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const decapServer = require.resolve("decap-server/dist/index.js");

const children: ChildProcess[] = [];
const start = (args: string[], env: NodeJS.ProcessEnv) => {
  const child = spawn(process.execPath, args, { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: "inherit" });
  children.push(child);
  // One gone means the editor no longer works: stop the other too.
  child.on("exit", (code) => stop(code ?? 1));
  return child;
};

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

start([decapServer], {
  // fs: saves write straight into the working copy (no branches or commits).
  MODE: "fs",
  GIT_REPO_DIRECTORY: process.cwd(),
  // This machine only: decap-server has no login of its own.
  BIND_HOST: LOCAL_BACKEND_HOST,
  PORT: String(LOCAL_BACKEND_PORT),
  LOG_LEVEL: "warn",
});
start(["--import", "tsx", path.join(root, "src", "cli", "serve.ts"), ...process.argv.slice(2)], { RI_CMS_PORT: String(LOCAL_BACKEND_PORT) });
console.log("The content editor is at /admin/ on the preview's address below; what you save there is written into content/.");
