import { rm } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT, tempDir } from "../tests/helpers/fixture-site.ts";
import { generateContent } from "../tests/helpers/generated-content.ts";

/**
 * `npm run bench:check [-- 10000]`: times `npm run check` (the CLI as editors run it, in a
 * fresh process) on that many generated stories, best of three runs.
 */
const count = Number(process.argv[2] ?? 10_000);
const root = await tempDir("bench");
try {
  const content = await generateContent(root, count);
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "cli", "check.ts"), content], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, RI_BUILD_DATE: "2026-11-24" },
    });
    times.push((performance.now() - started) / 1000);
  }
  console.log(`npm run check on ${count} generated stories: ${times.map((t) => t.toFixed(2)).join(" s, ")} s (best ${Math.min(...times).toFixed(2)} s)`);
} finally {
  await rm(root, { recursive: true, force: true });
}
