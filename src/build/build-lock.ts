import { open, readFile, rm } from "node:fs/promises";

/**
 * One build at a time into one output folder: two builds swapping folders at once could
 * publish neither site whole. The lock is a file beside the output naming the process
 * that holds it; a lock left by a process that no longer runs (killed) is taken over.
 */
export class BuildLockHeld extends Error {
  constructor(
    readonly output: string,
    readonly pid: number,
  ) {
    super(`another build into ${output} is running (process ${pid}): wait for it to finish, then run this one again`);
    this.name = "BuildLockHeld";
  }
}

export interface BuildLock {
  release(): Promise<void>;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function acquireBuildLock(output: string): Promise<BuildLock> {
  const file = `${output}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holderOf = async () => Number((await readFile(file, "utf8").catch(() => "")).trim());
    // A lock just made may not name its process yet.
    const holder = (await holderOf()) || (await new Promise((resolve) => setTimeout(resolve, 200)), await holderOf());
    if (holder && holder !== process.pid && isRunning(holder)) throw new BuildLockHeld(output, holder);
    // Left by a build that was killed (or half-written by one starting): take it over.
    await rm(file, { force: true });
  }
  throw new Error(`could not take the build lock ${file}`);
}
