import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { lstat, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import yaml from "js-yaml";
import { withLocalBackend } from "../src/cli/preview-admin.ts";
import { TINY_PNG, makeContent, markdownFile, tempDir } from "./helpers/fixture-site.ts";
import { freePort, stopProcessGroup } from "./helpers/processes.ts";
import { copyProject } from "./helpers/project-copy.ts";

/**
 * The editor's running tools are inside the trust boundary. `npm run cms` (the preview
 * and the content editor's backend) runs on a copy of the project, and each request here
 * is one a web page open in the editor's browser could make: by DNS rebinding (its own
 * host name, pointed at 127.0.0.1), from another origin (fetch, a form), with a tag, or
 * with a path that used to stop the preview. Plain HTTP requests, with the headers a
 * browser would send, so the Host header can be anything.
 */

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: unknown }): Promise<Reply> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: options.method ?? (body ? "POST" : "GET"),
        path: options.path,
        headers: { ...(body ? { "Content-Type": "application/json; charset=utf-8" } : {}), ...options.headers },
      },
      (incoming) => {
        let text = "";
        incoming.setEncoding("utf8");
        incoming.on("data", (chunk: string) => (text += chunk));
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

describe("the preview and the content editor's backend answer only the editor", { timeout: 180_000 }, () => {
  let root: string;
  let project: string;
  let runner: ChildProcess;
  let output = "";
  let port: number;
  let backendPort: number;
  let editor: string;
  let apiPath: string;

  /** The preview, as the editor's browser asks for a page of it. */
  const preview = (pathname: string, headers: Record<string, string> = {}) =>
    send(port, { path: pathname, headers: { Host: `localhost:${port}`, ...headers } });
  /** The backend, as the editor's page posts to it, with anything changed. */
  const backend = (body: unknown, headers: Record<string, string> = {}, pathname = apiPath) =>
    send(backendPort, { path: pathname, body, headers: { Host: `127.0.0.1:${backendPort}`, Origin: editor, ...headers } });
  const persist = (file: string, raw: string) =>
    backend({ action: "persistEntry", params: { branch: "main", dataFiles: [{ slug: "x", path: file, raw }], assets: [], options: { commitMessage: "x" } } });

  before(async () => {
    root = await tempDir("local-servers");
    project = await copyProject(root);
    await makeContent(project, {
      stories: [{ slug: "first", title: "First story", date: "2026-01-05", summary: "The first story." }],
      files: { "images/team.png": TINY_PNG },
    });
    port = await freePort();
    backendPort = await freePort();
    editor = `http://localhost:${port}`;
    runner = spawn(process.execPath, ["--import", "tsx", "src/cli/cms.ts", "--port", String(port)], {
      cwd: project,
      detached: true,
      env: { ...process.env, RI_CMS_PORT: String(backendPort) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    runner.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    runner.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!output.includes("Preview rebuilt") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(output, /Preview rebuilt/, output);
    // The editor's page learns the backend's keyed address from its config, as Decap does.
    const config = yaml.load((await preview("/admin/config.yml")).body) as { local_backend?: { url?: string } };
    const url = new URL(config.local_backend?.url ?? "http://x/");
    assert.equal(url.origin, `http://127.0.0.1:${backendPort}`);
    apiPath = url.pathname;
    assert.match(apiPath, /^\/api\/v1\/[\w-]{20,}$/);
  });

  after(async () => {
    await stopProcessGroup(runner);
    await rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  it("the backend answers the editor's page: its info, its entries and a saved story", async () => {
    const info = await backend({ action: "info" });
    assert.equal(info.status, 200, info.body);
    assert.equal(info.headers["access-control-allow-origin"], editor);
    assert.deepEqual(JSON.parse(info.body), { repo: "project", publish_modes: ["simple"], type: "local_fs" });
    // Decap posts JSON, so the browser asks first (CORS preflight).
    const preflight = await send(backendPort, {
      method: "OPTIONS",
      path: apiPath,
      headers: { Host: `127.0.0.1:${backendPort}`, Origin: editor, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers["access-control-allow-origin"], editor);
    assert.match(String(preflight.headers["access-control-allow-headers"]), /content-type/i);
    const listed = await backend({ action: "entriesByFolder", params: { branch: "main", folder: "content/news", extension: "md", depth: 2 } });
    assert.deepEqual(
      (JSON.parse(listed.body) as Array<{ file: { path: string } }>).map((entry) => entry.file.path),
      ["content/news/2026/first.md"],
    );
    const media = await backend({ action: "getMedia", params: { branch: "main", mediaFolder: "content/images" } });
    assert.deepEqual(
      (JSON.parse(media.body) as Array<{ path: string }>).map((file) => file.path),
      ["content/images/team.png"],
    );
  });

  it("the backend refuses a foreign Host (DNS rebinding), another localhost origin, no origin and a wrong key", async () => {
    const cases: Array<[string, Promise<Reply>, number]> = [
      ["foreign Host", backend({ action: "info" }, { Host: `attacker.example:${backendPort}` }), 421],
      ["another localhost origin", backend({ action: "info" }, { Origin: "http://localhost:3000" }), 403],
      ["the preview's port on another name", backend({ action: "info" }, { Origin: `http://attacker.example:${port}` }), 403],
      ["no origin", send(backendPort, { path: apiPath, body: { action: "info" }, headers: { Host: `127.0.0.1:${backendPort}` } }), 403],
      ["no key", backend({ action: "info" }, {}, "/api/v1"), 403],
      ["a wrong key", backend({ action: "info" }, {}, `${apiPath.slice(0, -1)}x`), 403],
      [
        "a preflight from another origin",
        send(backendPort, { method: "OPTIONS", path: apiPath, headers: { Host: `127.0.0.1:${backendPort}`, Origin: "http://localhost:3000" } }),
        403,
      ],
    ];
    for (const [name, reply, status] of cases) {
      const answered = await reply;
      assert.equal(answered.status, status, `${name}: ${answered.body}`);
      assert.equal(answered.headers["access-control-allow-origin"], undefined, name);
      assert.doesNotMatch(answered.body, /local_fs/, name);
    }
    assert.match(output, /The content editor's backend refused POST "\/api\/v1\/[^"]*": it was sent to "attacker\.example:\d+"/);
  });

  it("the backend reads and writes only what the content contract allows", async () => {
    const preload = path.join(project, "src", "cli", "preload.mjs");
    const before = await readFile(preload, "utf8");
    await symlink("/etc/passwd", path.join(project, "content", "images", "linked.png"));
    const refused: Array<[string, unknown]> = [
      ["read package.json", { action: "getEntry", params: { branch: "main", path: "package.json" } }],
      ["read through ..", { action: "getMediaFile", params: { branch: "main", path: "content/images/../../package.json" } }],
      ["read an absolute path", { action: "getMediaFile", params: { branch: "main", path: "/etc/passwd" } }],
      ["read through a link", { action: "getMediaFile", params: { branch: "main", path: "content/images/linked.png" } }],
      ["list src/", { action: "entriesByFolder", params: { branch: "main", folder: "src/cli", extension: "mjs", depth: 1 } }],
      ["list the project", { action: "getMedia", params: { branch: "main", mediaFolder: "content/.." } }],
      [
        "write src/cli/preload.mjs",
        { action: "persistEntry", params: { dataFiles: [{ slug: "x", path: "src/cli/preload.mjs", raw: "pwned" }], assets: [], options: {} } },
      ],
      [
        "write a data file the contract refuses",
        { action: "persistMedia", params: { asset: { path: "content/_data/evil.js", content: "cHduZWQ=", encoding: "base64" } } },
      ],
      [
        "write an HTML page among the images",
        { action: "persistMedia", params: { asset: { path: "content/images/page.html", content: "cHduZWQ=", encoding: "base64" } } },
      ],
      [
        "write a story outside its year folder",
        { action: "persistEntry", params: { dataFiles: [{ slug: "x", path: "content/news/x.md", raw: "---\n---\n" }], assets: [], options: {} } },
      ],
      [
        "write a good story with a bad upload",
        {
          action: "persistEntry",
          params: {
            dataFiles: [{ slug: "y", path: "content/news/2026/y.md", raw: "---\ntitle: Y\n---\n" }],
            assets: [{ path: "content/_data/evil.json", content: "e30=", encoding: "base64" }],
            options: {},
          },
        },
      ],
      ["delete site.json", { action: "deleteFile", params: { path: "content/_data/site.json", options: {} } }],
      ["delete package.json", { action: "deleteFiles", params: { paths: ["package.json"], options: {} } }],
    ];
    for (const [name, body] of refused) {
      const reply = await backend(body);
      assert.equal(reply.status, 403, `${name}: ${reply.body}`);
      assert.doesNotMatch(reply.body, /root:|"name": "ri-site"|pwned/, name);
    }
    assert.equal(await readFile(preload, "utf8"), before, "the build's code is untouched");
    for (const file of ["content/_data/evil.js", "content/images/page.html", "content/news/x.md", "content/news/2026/y.md", "content/_data/evil.json"]) {
      assert.equal(await lstat(path.join(project, file)).catch(() => null), null, `${file} was not written`);
    }
    await lstat(path.join(project, "content", "_data", "site.json"));
    await lstat(path.join(project, "package.json"));
    assert.match(output, /The content editor's backend refused persistEntry of "src\/cli\/preload\.mjs" is outside content\//);
    assert.match(output, /refused persistMedia of "content\/_data\/evil\.js" is a template, script or data file/);
    await rm(path.join(project, "content", "images", "linked.png"));
  });

  it("the preview refuses a foreign Host, another origin, another site's tags and a path that used to stop it", async () => {
    await writeFile(path.join(project, "package.json.secret"), "secret");
    const cases: Array<[string, Promise<Reply>, number]> = [
      ["foreign Host", preview("/news/2026/first/", { Host: `attacker.example:${port}` }), 421],
      ["foreign Host without a port", preview("/", { Host: "attacker.example" }), 421],
      ["/..%2fpackage.json", preview("/..%2fpackage.json"), 400],
      ["/..%2f..%2fpackage.json", preview("/news/..%2f..%2f..%2fpackage.json"), 400],
      ["a % that is no escape", preview("/%E0%A4%A"), 400],
      ["an encoded NUL", preview("/index.html%00"), 400],
      [
        "another localhost origin",
        preview("/news/2026/first/", { Origin: "http://localhost:3000", "Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "cors" }),
        403,
      ],
      [
        "an <img> on another site",
        preview("/images/team.png", { "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "image" }),
        403,
      ],
      [
        "a <script> on another localhost port",
        preview("/admin/config.yml", { "Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "script" }),
        403,
      ],
      [
        "a live-reload WebSocket from another origin",
        preview("/", {
          Connection: "Upgrade",
          Upgrade: "websocket",
          "Sec-WebSocket-Version": "13",
          "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
          Origin: "http://attacker.example",
        }),
        403,
      ],
    ];
    for (const [name, reply, status] of cases) {
      const answered = await reply.catch((error: Error) => ({ status: -1, headers: {}, body: error.message }));
      assert.equal(answered.status, status, `${name}: ${answered.body}`);
      assert.doesNotMatch(answered.body, /First story|"name": "ri-site"|secret|local_backend/, name);
    }
    assert.match(output, /The preview refused GET "\/\.\.%2fpackage\.json": its address is not a valid path\./);
  });

  it("both still answer the real editor afterwards: a story saved through the backend is shown by the preview", async () => {
    const page = await preview("/news/2026/first/", { "Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate" });
    assert.equal(page.status, 200);
    assert.match(page.body, /First story/);
    // A link from another site opens the preview: a navigation, not a page reading it.
    assert.equal((await preview("/", { "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document" })).status, 200);
    const admin = await preview("/admin/", { "Sec-Fetch-Site": "same-origin" });
    assert.equal(admin.status, 200);
    const saved = await persist(
      "content/news/2026/second.md",
      markdownFile({ title: "Second story", date: "2026-01-06", summary: "Saved after every refusal." }, "Saved through the backend."),
    );
    assert.equal(saved.status, 200, saved.body);
    const deadline = Date.now() + 60_000;
    let shown = "";
    while (!shown.includes("Saved through the backend.") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      shown = (await preview("/news/2026/second/")).body;
    }
    assert.match(shown, /Saved through the backend\./);
    assert.equal(runner.exitCode, null, "npm run cms is still running");
  });

  // Last: it stops the servers. Where the kernel lists a process's children (Linux).
  it("says which of npm run cms's servers stopped, and why, and stops", async (test) => {
    const children = await readFile(`/proc/${runner.pid}/task/${runner.pid}/children`, "utf8").catch(() => undefined);
    if (children === undefined) return test.skip("no /proc here");
    const pids = children.trim().split(/\s+/).map(Number);
    const commands = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")));
    const preview = pids.find((_, index) => commands[index]?.includes("serve.ts"));
    assert.ok(preview, commands.join("\n"));
    const exited = new Promise<number | null>((resolve) => runner.once("exit", (code) => resolve(code)));
    process.kill(preview, "SIGKILL");
    assert.equal(await exited, 1);
    assert.match(
      output,
      /The preview \(npm start\) stopped: it was stopped by SIGKILL\. The content editor cannot work without it, so its backend stops too\./,
    );
  });

  it("a preview without the backend offers its editor none, and the backend's key is in no built file", async () => {
    const built = await readFile(path.join(project, "_preview", "admin", "config.yml"), "utf8");
    assert.doesNotMatch(built, new RegExp(apiPath.split("/").at(-1) ?? "no key"));
    assert.equal((yaml.load(withLocalBackend(built, undefined)) as Record<string, unknown>).local_backend, undefined);
  });
});
