import { rm } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser.ts";
import { buildQualitySite } from "./quality-site.ts";
import { type StaticServer, serveSite } from "./server.ts";

export interface Harness {
  output: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the quality site, serves it as a host would and opens Chromium: what every browser suite starts with. */
export async function startHarness(): Promise<Harness> {
  const { root, output } = await buildQualitySite();
  const server = await serveSite(output);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.close();
    await rm(root, { recursive: true, force: true, maxRetries: 10 });
    throw error;
  });
  return {
    output,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await rm(root, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}
