import { type ChildProcess, spawn } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Starts `npm start` (src/cli/serve.ts) on a content folder, saves an edit to the newest
 * story, and measures the time from the save until the server hands out the changed page.
 */
export async function measureWatchEdit(root: string, content: string, port: number): Promise<{ seconds: number; log: string; firstBuildSeconds: number }> {
  const preview = path.join(path.dirname(content), "_preview");
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "src", "cli", "serve.ts"), "--input", content, "--output", preview, "--port", String(port)],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RI_BUILD_DATE: "2026-11-24" } },
  );
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const waitFor = async (test: () => boolean | Promise<boolean>, limitMs: number) => {
    const deadline = Date.now() + limitMs;
    while (!(await test())) {
      if (Date.now() > deadline) throw new Error(`timed out; the preview said:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  try {
    await waitFor(() => /Preview rebuilt in/.test(log), 600_000);
    const firstBuildSeconds = Number(/Preview rebuilt in ([\d.]+) s/.exec(log)?.[1] ?? 0);
    // The newest story: the one an editor is most likely to be correcting.
    const newsDir = path.join(content, "news");
    const files = (await readdir(newsDir, { recursive: true })).filter((file) => file.endsWith(".md")).map((file) => path.join(newsDir, file));
    let newest = { file: "", date: "" };
    for (const file of files) {
      const date = /^date: '?(\d{4}-\d{2}-\d{2})/m.exec(await readFile(file, "utf8"))?.[1] ?? "";
      if (date > newest.date) newest = { file, date };
    }
    const url = `http://localhost:${port}/news/${newest.date.slice(0, 4)}/${path.basename(newest.file, ".md")}/`;
    const marker = `Edited ${Date.now()}`;
    const text = await readFile(newest.file, "utf8");
    const started = performance.now();
    await writeFile(newest.file, text.replace(/^title: (['"]?)/m, `title: $1${marker} `));
    await waitFor(
      async () =>
        (
          await fetch(url)
            .then((r) => r.text())
            .catch(() => "")
        ).includes(marker),
      60_000,
    );
    const seconds = (performance.now() - started) / 1000;
    // The page is on disk a moment before the preview's log line about it.
    await waitFor(() => /Story updated in|Preview rebuilt in[^]*Preview rebuilt in/.test(log), 60_000);
    return { seconds, log, firstBuildSeconds };
  } finally {
    child.kill("SIGTERM");
  }
}
