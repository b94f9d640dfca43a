import { gzipBytes } from "./weight.ts";

/**
 * Opens the search page in Chromium, runs one query, and adds up what Pagefind
 * downloaded for it (its script, WebAssembly, index chunks and the shown results'
 * fragments): text files at their gzip size, Pagefind's own compressed files as they are.
 */
export async function firstQueryBytes(output: string, query: string): Promise<{ bytes: number; requests: number } | { skipped: string }> {
  const { launchBrowser } = await import("./chromium.ts");
  const { serveSite } = await import("./static-host.ts");
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  const server = await serveSite(output);
  try {
    const page = await browser.newPage();
    const sizes: Promise<number>[] = [];
    page.on("response", (response) => {
      if (!response.url().includes("/pagefind/")) return;
      sizes.push(response.body().then((body) => (/\.(js|json|css)$/.test(new URL(response.url()).pathname) ? gzipBytes(body) : body.length)));
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /\d+ results?/.test(document.querySelector("#search-status")?.textContent ?? ""));
    await page.waitForLoadState("networkidle");
    const all = await Promise.all(sizes);
    return { bytes: all.reduce((a, b) => a + b, 0), requests: all.length };
  } finally {
    await browser.close();
    await server.close();
  }
}
