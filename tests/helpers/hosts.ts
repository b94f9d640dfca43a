/**
 * How each static host turns its configuration file into response headers, as their
 * documentation describes it, so tests can check the generated files say what
 * src/publish/http-headers.ts means on every host.
 */

interface HeadersBlock {
  path: string;
  set: Array<[string, string]>;
  detach: string[];
}

/** Parses `_headers`: a path line, then indented `Name: value` and `! Name` lines. */
export function parseHeadersFile(text: string): HeadersBlock[] {
  const blocks: HeadersBlock[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      blocks.push({ path: line.trim(), set: [], detach: [] });
      continue;
    }
    const block = blocks.at(-1);
    if (!block) throw new Error(`header before any path: ${line}`);
    const detach = /^\s+!\s*(\S+)$/.exec(line);
    if (detach) {
      block.detach.push(detach[1] ?? "");
      continue;
    }
    const header = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (!header) throw new Error(`not a header line: ${line}`);
    block.set.push([header[1] ?? "", header[2] ?? ""]);
  }
  return blocks;
}

const matchesSplat = (pattern: string, path: string) => (pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : pattern === path);

/** Cloudflare Pages: every matching block in order; `! Name` detaches, a repeated name is joined with ", ". */
export function cloudflareHeaders(blocks: HeadersBlock[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const block of blocks.filter((b) => matchesSplat(b.path, path))) {
    for (const name of block.detach) delete headers[name];
    for (const [name, value] of block.set) headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** Netlify: every matching block in order, a later value replacing an earlier one; lines without a value are skipped. */
export function netlifyHeaders(blocks: HeadersBlock[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const block of blocks.filter((b) => matchesSplat(b.path, path))) Object.assign(headers, Object.fromEntries(block.set));
  return headers;
}

export interface StaticWebAppConfig {
  globalHeaders: Record<string, string>;
  routes: Array<{ route: string; headers?: Record<string, string> }>;
  responseOverrides: Record<string, { rewrite?: string }>;
}

/** Azure Static Web Apps: the global headers, then the first matching route's headers over them. */
export function azureHeaders(config: StaticWebAppConfig, path: string): Record<string, string> {
  const route = config.routes.find((r) => matchesSplat(r.route, path));
  return { ...config.globalHeaders, ...route?.headers };
}
