import { readdir } from "node:fs/promises";

/**
 * A folder's entries once the background deleter a build starts (src/build/build-cleanup.ts) has
 * had time to finish: waits while any `_site.`/`_preview.` sibling is left, up to a limit
 * far above what deleting a test site takes, then returns what is there. A folder that is
 * never deleted is still in the answer, so the tests that compare it with `[]` still fail.
 */
export async function entriesOnceDeleted(folder: string, limitMs = 60_000): Promise<string[]> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const entries = (await readdir(folder)).sort();
    if (!entries.some((entry) => /^_(site|preview)\./.test(entry)) || Date.now() > deadline) return entries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
