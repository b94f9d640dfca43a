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
  if (!runner?.pid) return;
  if (runner.exitCode === null && runner.signalCode === null) {
    const exited = new Promise((resolve) => runner.once("exit", resolve));
    process.kill(-runner.pid, "SIGTERM");
    await exited;
  }
  // Anything of the group left behind (a preview worker stuck while loading, seen on
  // Node 20) would hold the runner's output pipes open, and the test file would never end.
  try {
    process.kill(-runner.pid, "SIGKILL");
  } catch {
    // None left.
  }
  runner.stdout?.destroy();
  runner.stderr?.destroy();
}
