import { spawn } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";

export interface Measurement {
  seconds: number;
  /** The largest resident memory of the command and all its child processes together. */
  peakMiB: number;
  code: number;
  output: string;
}

/** Children of every thread of a process (Linux's /proc/<pid>/task/<tid>/children). */
async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(tasks.map((tid) => readFile(`/proc/${pid}/task/${tid}/children`, "utf8").catch(() => "")));
  return lists.flatMap((list) => list.trim().split(/\s+/).filter(Boolean).map(Number));
}

async function treeRssKiB(root: number): Promise<number> {
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop() as number;
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    queue.push(...(await childrenOf(pid)));
  }
  return total;
}

/**
 * Runs a command and measures its wall time and the peak memory of its whole process
 * tree (Pagefind's indexer is a separate process), sampling /proc every 50 ms.
 */
export async function measure(command: string, args: string[], env: Record<string, string> = {}, cwd?: string): Promise<Measurement> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let peak = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      if (child.pid) peak = Math.max(peak, await treeRssKiB(child.pid));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const code = await new Promise<number>((resolve) => child.on("close", (exit) => resolve(exit ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await sampler;
  return { seconds, peakMiB: peak / 1024, code, output };
}

export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await readFile(`${entry.parentPath}/${entry.name}`)).length;
  }
  return total;
}

/** How many HTML pages a built site has. */
export async function htmlPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".html")).length;
}
