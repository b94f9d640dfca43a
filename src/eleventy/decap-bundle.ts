import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * Decap CMS's prebuilt browser bundle, kept in the repository (vendor/README.md says why)
 * rather than installed with the 600 packages of decap-cms's own dependency tree, which
 * the site never runs. manifest.json records where the files came from and a SHA-512 of
 * each, and the build publishes a file only if it still matches.
 */
export const DECAP_VENDOR_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "vendor", "decap-cms");

/** Inside the vendored folder: the record, and the bundle's files as the package's dist/ names them. */
export const MANIFEST_FILE = "manifest.json";
export const FILES_FOLDER = "dist";

/**
 * The files of the package's dist/ that /admin/ loads: the bundle and the licences of what
 * it bundles. Not its source maps or its second build (`cms.js`), and not the chunks and
 * WebAssembly the bundle fetches from beside itself only for what this site's editor does
 * not offer: a code block's or the code widget's language (CodeMirror modes) and the WebP
 * encoder of `media_processing`. tests/decap-vendor.test.ts fails if the config starts to
 * offer one of them; vendor those files too (widen this list) before it does.
 */
export const DECAP_FILES = ["decap-cms.js", "decap-cms.js.LICENSE.txt"] as const;
export const isDecapFile = (name: string) => (DECAP_FILES as readonly string[]).includes(name);

const sri = z.string().regex(/^sha512-[A-Za-z0-9+/]{86}==$/, "a SHA-512 as sha512-<base64>");

export const decapManifestSchema = z.strictObject({
  package: z.literal("decap-cms"),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** The registry's tarball and its integrity, which the tarball was checked against. */
  tarball: z.url(),
  integrity: sri,
  /** Each vendored file of dist/, with its SHA-512. */
  files: z.record(z.enum(DECAP_FILES), sri),
});
export type DecapManifest = z.infer<typeof decapManifestSchema>;

export const sha512 = (data: Uint8Array) => `sha512-${createHash("sha512").update(data).digest("base64")}`;

export async function readDecapManifest(dir = DECAP_VENDOR_DIR): Promise<DecapManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  const parsed = decapManifestSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is not a Decap CMS manifest: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The vendored files, each read once and checked against the manifest, so what the
 * caller writes is exactly what was checked. Throws, naming every file that is missing
 * or differs, so a changed file cannot reach /admin/.
 */
export async function verifiedDecapFiles(dir = DECAP_VENDOR_DIR): Promise<{ name: string; data: Buffer }[]> {
  const manifest = await readDecapManifest(dir);
  const problems: string[] = [];
  const files = await Promise.all(
    Object.entries(manifest.files).map(async ([name, expected]) => {
      const file = path.join(dir, FILES_FOLDER, name);
      const data = await readFile(file).catch(() => undefined);
      if (!data) problems.push(`${file} is missing`);
      else if (sha512(data) !== expected)
        problems.push(`${file} is not the file decap-cms@${manifest.version} published (its SHA-512 differs from ${MANIFEST_FILE}'s)`);
      return { name, data: data ?? Buffer.alloc(0) };
    }),
  );
  if (problems.length > 0) {
    throw new Error(
      `The vendored Decap CMS does not match its manifest, so the content editor is not published:\n  ${problems.sort().join("\n  ")}\n` +
        `Restore the files from git, or refresh them from the registry with \`npm run vendor:decap -- <version>\` (vendor/README.md).`,
    );
  }
  return files;
}
