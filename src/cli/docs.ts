import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writtenGuide } from "../cms/editors-guide.ts";

/** `npm run docs`: writes EDITING.md's field tables from the content types' schemas, and its contents (src/cms/editors-guide.ts). */
const guide = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "EDITING.md");
const before = await readFile(guide, "utf8");
const after = writtenGuide(before);
if (after === before) {
  console.log("EDITING.md: the field tables and contents are up to date.");
} else {
  await writeFile(guide, after);
  console.log("EDITING.md: field tables and contents written.");
}
