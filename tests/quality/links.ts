import { LinkChecker, LinkState } from "linkinator";

export interface BrokenLink {
  url: string;
  parent?: string;
  status?: number;
}

/**
 * Every internal href and src of the built site must resolve to a built file. linkinator
 * serves the folder itself, follows every link from the home page and the 404 page, and
 * reports each that fails; other sites are not fetched (this machine has no network).
 */
export async function checkInternalLinks(dir: string, options: { entries?: string[]; pathPrefix?: string } = {}): Promise<BrokenLink[]> {
  const checker = new LinkChecker();
  const broken: BrokenLink[] = [];
  const entries = options.entries ?? ["index.html", "404.html"];
  for (const entry of entries) {
    const result = await checker.check({
      path: entry,
      serverRoot: dir,
      recurse: true,
      linksToSkip: ["^(?!http://localhost)"],
      concurrency: 20,
      timeout: 10_000,
    });
    for (const link of result.links) {
      if (link.state === LinkState.BROKEN) broken.push({ url: link.url, parent: link.parent, status: link.status });
    }
  }
  return broken;
}
