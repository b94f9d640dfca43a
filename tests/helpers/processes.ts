import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A TCP port nothing on this machine is listening on, for a server a test starts. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

/**
 * Stops a runner started with `detached: true` (its own process group), so the runner and
 * any build or server it started stop together, and waits until it has exited.
 */
export async function stopProcessGroup(runner: ChildProcess | undefined): Promise<void> {
  if (!runner?.pid || runner.exitCode !== null) return;
  const exited = new Promise((resolve) => runner.once("exit", resolve));
  process.kill(-runner.pid, "SIGTERM");
  await exited;
}
