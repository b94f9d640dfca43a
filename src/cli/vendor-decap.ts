import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import { DECAP_FILES, DECAP_VENDOR_DIR, FILES_FOLDER, MANIFEST_FILE, decapManifestSchema, sha512 } from "../eleventy/decap-bundle.ts";

/**
 * `npm run vendor:decap -- <version>`: replaces vendor/decap-cms/ with the given release
 * of the decap-cms package. The tarball comes from the registry through `npm pack`, and
 * is used only if its SHA-512 is the integrity the registry publishes for that version;
 * then only the files /admin/ loads are kept (DECAP_FILES), and manifest.json records the tarball, its
 * integrity and each file's SHA-512, which every build checks (src/eleventy/decap-bundle.ts).
 */

const run = promisify(execFile);
const NAME = "decap-cms";

/** npm itself: the one running this script under `npm run`, else the one on the PATH. */
async function npm(args: string[], cwd: string): Promise<string> {
  const cli = process.env.npm_execpath;
  const { stdout } = cli?.endsWith(".js")
    ? await run(process.execPath, [cli, ...args], { cwd, maxBuffer: 16 * 1024 * 1024 })
    : await run("npm", args, { cwd, maxBuffer: 16 * 1024 * 1024, shell: process.platform === "win32" });
  return stdout;
}

const registrySchema = z.object({ "dist.integrity": z.string(), "dist.tarball": z.url() });
const packedSchema = z.tuple([z.object({ filename: z.string() })]);
const packageSchema = z.object({ name: z.literal(NAME), version: z.string(), license: z.literal("MIT") });

const version = process.argv[2];
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
  console.error(`Usage: npm run vendor:decap -- <version>, an exact release such as 3.16.3 (\`npm view ${NAME} version\` names the newest).`);
  process.exit(2);
}

const spec = `${NAME}@${version}`;
const temp = await mkdtemp(path.join(os.tmpdir(), "vendor-decap-"));
try {
  const registry = registrySchema.parse(JSON.parse(await npm(["view", spec, "dist.integrity", "dist.tarball", "--json"], temp)));
  const [packed] = packedSchema.parse(JSON.parse(await npm(["pack", spec, "--pack-destination", temp, "--ignore-scripts", "--json"], temp)));
  const tarball = path.join(temp, path.basename(packed.filename));
  const integrity = sha512(await readFile(tarball));
  if (integrity !== registry["dist.integrity"]) {
    throw new Error(
      `${spec}: the downloaded tarball's SHA-512 (${integrity}) is not the integrity the registry publishes (${registry["dist.integrity"]}); nothing was changed.`,
    );
  }

  await run("tar", ["-xzf", tarball, "-C", temp]);
  const unpacked = path.join(temp, "package");
  const metadata = packageSchema.parse(JSON.parse(await readFile(path.join(unpacked, "package.json"), "utf8")));
  if (metadata.version !== version) throw new Error(`${spec}: the tarball holds version ${metadata.version}; nothing was changed.`);
  const published = await readdir(path.join(unpacked, "dist"));
  const absent = DECAP_FILES.filter((name) => !published.includes(name));
  if (absent.length > 0) throw new Error(`${spec}: its dist/ has no ${absent.join(", ")}; nothing was changed.`);

  const target = path.join(DECAP_VENDOR_DIR, FILES_FOLDER);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  const files: Record<string, string> = {};
  for (const name of DECAP_FILES) {
    const data = await readFile(path.join(unpacked, "dist", name));
    files[name] = sha512(data);
    await writeFile(path.join(target, name), data);
  }
  const manifest = decapManifestSchema.parse({ package: NAME, version, tarball: registry["dist.tarball"], integrity, files });
  await writeFile(path.join(DECAP_VENDOR_DIR, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(
    `vendor/decap-cms/: ${spec}, ${DECAP_FILES.join(" and ")} (tarball ${integrity}). Check /admin/ (tests/cms-publishing.test.ts) and the diff of vendor/decap-cms/manifest.json before committing.`,
  );
} finally {
  await rm(temp, { recursive: true, force: true });
}
