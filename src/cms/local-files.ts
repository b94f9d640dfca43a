import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { lstat, mkdir, open, readdir, unlink } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { contentPathKind, isContentFolderPath } from "../check/content-files.ts";

/**
 * Decap's local-backend protocol (what `decap-server` answers in its `fs` mode, and what
 * Decap's proxy backend sends: one JSON action per POST), served on the working copy's
 * content/ and nothing else. Every path is checked against the content contract, the same
 * allow-list `npm run check` walks (src/check/content-files.ts), before any file is
 * opened: a path outside content/, a kind of file the contract refuses, or a symbolic
 * link anywhere on the way is refused as a whole request, before anything is written.
 *
 * Paths are as Decap sends them: from the project folder, with forward slashes
 * (`content/news/2026/a-story.md`).
 */

/** A path the contract refuses; the server answers 403 and prints `message`. */
export class RefusedPath extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${JSON.stringify(path.slice(0, 200))} ${reason}`);
    this.name = "RefusedPath";
  }
}

const CONTENT = "content";

const relativePath = z.string().min(1).max(1024);
const dataFile = z.object({ slug: z.string(), path: relativePath, raw: z.string(), newPath: relativePath.optional() });
const asset = z.object({ path: relativePath, content: z.string(), encoding: z.literal("base64") });

/** The actions Decap's proxy backend sends in the local backend's `simple` publishing mode. */
export const localBackendRequest = z.discriminatedUnion("action", [
  z.object({ action: z.literal("info") }),
  z.object({
    action: z.literal("entriesByFolder"),
    params: z.object({ folder: relativePath, extension: z.string().max(20), depth: z.number().int().min(1).max(10) }),
  }),
  z.object({
    action: z.literal("entriesByFiles"),
    params: z.object({ files: z.array(z.object({ path: relativePath, label: z.string().optional() })).max(10_000) }),
  }),
  z.object({ action: z.literal("getEntry"), params: z.object({ path: relativePath }) }),
  z.object({
    action: z.literal("persistEntry"),
    params: z.object({ entry: dataFile.optional(), dataFiles: z.array(dataFile).max(100).optional(), assets: z.array(asset).max(100) }),
  }),
  z.object({ action: z.literal("getMedia"), params: z.object({ mediaFolder: relativePath }) }),
  z.object({ action: z.literal("getMediaFile"), params: z.object({ path: relativePath }) }),
  z.object({ action: z.literal("persistMedia"), params: z.object({ asset }) }),
  z.object({ action: z.literal("deleteFile"), params: z.object({ path: relativePath }) }),
  z.object({ action: z.literal("deleteFiles"), params: z.object({ paths: z.array(relativePath).min(1).max(1000) }) }),
  z.object({ action: z.literal("getDeployPreview"), params: z.unknown().optional() }),
]);
export type LocalBackendRequest = z.infer<typeof localBackendRequest>;

/** What a path is for: an entry (a page, or the site's data), an upload, or a file to delete. */
type Use = "entry" | "media" | "delete";

/** The parts of a path Decap sent, refused unless each is a plain name (no `..`, `.`, backslash, NUL or empty part). */
function parts(requested: string): string[] {
  const split = requested.split("/");
  if (requested.startsWith("/") || /[\\\0]/.test(requested) || split.some((part) => part === "" || part === "." || part === "..")) {
    throw new RefusedPath(requested, "is not a plain path inside the project folder");
  }
  return split;
}

export interface ContentFiles {
  /** Answers one action, or throws RefusedPath. */
  handle(request: LocalBackendRequest): Promise<unknown>;
}

/** The content files of the project at `root`, as Decap's local backend reads and writes them. */
export function contentFiles(root: string): ContentFiles {
  const contentRoot = path.join(root, CONTENT);

  /** The file at a path Decap sent, if the contract allows it for `use`. */
  const file = (requested: string, use: Use): string => {
    const split = parts(requested);
    if (split[0] !== CONTENT || split.length < 2) throw new RefusedPath(requested, "is outside content/, which is all the editor may read or write");
    const relative = split.slice(1).join("/");
    const verdict = contentPathKind(relative);
    if ("problem" in verdict) throw new RefusedPath(requested, verdict.problem);
    if (use === "entry" && verdict.kind !== "markdown" && verdict.kind !== "data") throw new RefusedPath(requested, "is not a page or the site's data");
    if (use === "media" && verdict.kind !== "image" && verdict.kind !== "document") throw new RefusedPath(requested, "is not an image or a document");
    if (use === "delete" && verdict.kind === "data") throw new RefusedPath(requested, "is the site's data, which the editor never deletes");
    return path.join(contentRoot, ...split.slice(1));
  };

  /** A folder Decap lists, if the contract names it. */
  const folder = (requested: string): string => {
    const split = parts(requested.replace(/\/$/, ""));
    if (split[0] !== CONTENT || !isContentFolderPath(split.slice(1).join("/")))
      throw new RefusedPath(requested, "is not a folder of content/ the site publishes from");
    return path.join(contentRoot, ...split.slice(1));
  };

  /** Refuses a symbolic link anywhere from content/ down to `absolute`: the check never follows one, so neither does the editor. */
  const refuseLinks = async (absolute: string, requested: string) => {
    const below = path.relative(contentRoot, absolute).split(path.sep);
    for (let index = 1; index <= below.length; index++) {
      const info = await lstat(path.join(contentRoot, ...below.slice(0, index))).catch(() => undefined);
      if (info?.isSymbolicLink()) throw new RefusedPath(requested, "is reached through a symbolic link, which the site never follows");
      if (!info) return;
    }
  };

  const read = async (absolute: string, requested: string): Promise<Buffer> => {
    await refuseLinks(absolute, requested);
    // O_NOFOLLOW: a link put in place after the test above is still not followed.
    const handle = await open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      if (!(await handle.stat()).isFile()) throw new RefusedPath(requested, "is not a file");
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  };

  const write = async (absolute: string, requested: string, bytes: Uint8Array | string) => {
    await refuseLinks(absolute, requested);
    await mkdir(path.dirname(absolute), { recursive: true });
    await refuseLinks(absolute, requested);
    const handle = await open(absolute, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
  };

  const remove = async (absolute: string, requested: string) => {
    await refuseLinks(absolute, requested);
    await unlink(absolute).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  };

  /** The files under a folder the contract allows for `use`, `depth` folders down, never through a link. */
  const list = async (absolute: string, requested: string, depth: number, use: Use, extension: string): Promise<string[]> => {
    await refuseLinks(absolute, requested);
    const found: string[] = [];
    const walk = async (dir: string, left: number) => {
      if (left <= 0) return;
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const inside = path.join(dir, entry.name);
        const shown = path.relative(root, inside).split(path.sep).join("/");
        if (entry.isDirectory()) await walk(inside, left - 1);
        else if (entry.isFile() && entry.name.endsWith(extension)) {
          try {
            file(shown, use);
            found.push(shown);
          } catch {
            // Listed by no one: the check reports it, the editor never offers it.
          }
        }
      }
    };
    await walk(absolute, depth);
    return found;
  };

  const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

  const entry = async (requested: string, label?: string) => {
    const absolute = file(requested, "entry");
    try {
      const bytes = await read(absolute, requested);
      return { data: bytes.toString("utf8"), file: { path: requested, label, id: sha256(bytes) } };
    } catch (error) {
      if (error instanceof RefusedPath) throw error;
      // As decap-server: an entry that is not there (yet) has no data.
      return { data: null, file: { path: requested, label, id: null } };
    }
  };

  const mediaFile = async (requested: string) => {
    const bytes = await read(file(requested, "media"), requested);
    return { id: sha256(bytes), content: bytes.toString("base64"), encoding: "base64", path: requested, name: path.posix.basename(requested) };
  };

  return {
    async handle(request) {
      switch (request.action) {
        case "info":
          return { repo: path.basename(root), publish_modes: ["simple"], type: "local_fs" };
        case "entriesByFolder": {
          const { folder: requested, extension, depth } = request.params;
          const files = await list(folder(requested), requested, depth, "entry", extension);
          return Promise.all(files.map((shown) => entry(shown)));
        }
        case "entriesByFiles":
          return Promise.all(request.params.files.map((wanted) => entry(wanted.path, wanted.label)));
        case "getEntry":
          return entry(request.params.path);
        case "persistEntry": {
          const { entry: single, dataFiles = single ? [single] : [], assets } = request.params;
          // Every path first: a request with one refused path writes nothing at all.
          const entries = dataFiles.map((data) => ({
            data,
            target: file(data.newPath ?? data.path, "entry"),
            old: data.newPath ? file(data.path, "entry") : undefined,
          }));
          const media = assets.map((item) => ({ item, target: file(item.path, "media") }));
          for (const { item, target } of media) await write(target, item.path, Buffer.from(item.content, "base64"));
          for (const { data, target, old } of entries) {
            await write(target, data.newPath ?? data.path, data.raw);
            // Moved (an event whose start moved to another year): only the entry's own file moves.
            if (old && old !== target) await remove(old, data.path);
          }
          return { message: "entry persisted" };
        }
        case "getMedia": {
          const { mediaFolder } = request.params;
          const files = await list(folder(mediaFolder), mediaFolder, 1, "media", "");
          return Promise.all(files.map((shown) => mediaFile(shown)));
        }
        case "getMediaFile":
          return mediaFile(request.params.path);
        case "persistMedia": {
          const { asset: item } = request.params;
          await write(file(item.path, "media"), item.path, Buffer.from(item.content, "base64"));
          return mediaFile(item.path);
        }
        case "deleteFile": {
          const { path: requested } = request.params;
          await remove(file(requested, "delete"), requested);
          return { message: `deleted file ${requested}` };
        }
        case "deleteFiles": {
          const targets = request.params.paths.map((requested) => ({ requested, target: file(requested, "delete") }));
          for (const { requested, target } of targets) await remove(target, requested);
          return { message: `deleted files ${request.params.paths.join(", ")}` };
        }
        case "getDeployPreview":
          return null;
      }
    },
  };
}
