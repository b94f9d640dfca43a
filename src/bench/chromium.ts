import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (no browser download works here), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium was not found at ${CHROMIUM}: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH to it).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      // This machine has no network: a look-up of the font host fails only after ~650 ms,
      // which every page load waited for. Failing it at once changes nothing else (the
      // CSS falls back to Arial either way) and takes a page load from ~970 to ~320 ms.
      `--host-resolver-rules=MAP ${FONT_HOST} ~NOTFOUND`,
    ],
  });
}

/** Where nhsuk-frontend's CSS loads the Frutiger font from. */
const FONT_HOST = "assets.nhs.uk";

/**
 * Frutiger comes from assets.nhs.uk, which this machine cannot reach; the CSS falls back
 * to Arial. Those font requests are the only failures a page is allowed.
 */
export const isOfflineFont = (url: string) => url.startsWith(`https://${FONT_HOST}/fonts/`);
