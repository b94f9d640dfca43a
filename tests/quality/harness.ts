import type { Browser } from "playwright-core";
import { launchBrowser } from "../../src/bench/chromium.ts";
import { qualitySite } from "./quality-site.ts";
import { type StaticServer, serveSite } from "../../src/bench/static-host.ts";

export interface Harness {
  output: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The quality site (shared by the run, or built), served as a host would, and Chromium: what every browser suite starts with. */
export async function startHarness(): Promise<Harness> {
  const site = await qualitySite();
  const { output } = site;
  const server = await serveSite(output);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.close();
    await site.cleanup();
    throw error;
  });
  return {
    output,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await site.cleanup();
    },
  };
}
