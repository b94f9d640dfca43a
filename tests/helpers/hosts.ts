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

/** A trailing `*` matches the rest of the path; a `:name` segment matches one segment (Netlify and Cloudflare Pages both document both). */
function matchesSplat(pattern: string, path: string): boolean {
  if (pattern.endsWith("*")) return path.startsWith(pattern.slice(0, -1));
  const want = pattern.split("/");
  const have = path.split("/");
  return want.length === have.length && want.every((part, index) => (part.startsWith(":") ? (have[index] ?? "") !== "" : part === have[index]));
}

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
  /** Media types by file extension, for every file with that extension. */
  mimeTypes?: Record<string, string>;
}

/** Azure Static Web Apps: the global headers, then the first matching route's headers over them, and the media type its extension is given. */
export function azureHeaders(config: StaticWebAppConfig, path: string): Record<string, string> {
  const route = config.routes.find((r) => !r.route.includes("/:") && matchesSplat(r.route, path));
  const extension = /\.[a-z0-9]+$/i.exec(path)?.[0];
  const type = extension ? config.mimeTypes?.[extension] : undefined;
  return { ...config.globalHeaders, ...route?.headers, ...(type ? { "Content-Type": type } : {}) };
}
