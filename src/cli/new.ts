import { parseArgs } from "node:util";
import { buildOptionsFromEnv } from "../build/build-options.ts";
import { londonToday } from "../content/dates.ts";
import { displayPath } from "../content/problems.ts";
import { SCAFFOLD_TYPES, createContentFile } from "./scaffold.ts";
import { DEV_SERVER_PORT } from "./serve-port.ts";

/**
 * `npm run new -- news "Title of the story"` (or any type whose definition has a scaffold): creates the file
 * at the right path, dated today in London, with every required field and `draft: true`.
 */
const usage = `Usage: npm run new -- ${SCAFFOLD_TYPES.join("|")} "Title" [--slug address-part]`;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { slug: { type: "string" }, content: { type: "string", default: "content" } },
});
const [type, ...titleWords] = positionals;
const title = titleWords.join(" ").trim();

if (!type || !SCAFFOLD_TYPES.includes(type) || !title) {
  console.error(
    type && !SCAFFOLD_TYPES.includes(type)
      ? `"${type}" is not a kind of content: use ${SCAFFOLD_TYPES.join(", ").replace(/, ([^,]*)$/, " or $1")}.\n${usage}`
      : usage,
  );
  process.exit(1);
}

const today = londonToday(buildOptionsFromEnv().today).toISODate() ?? "";
const result = await createContentFile(values.content, { type: type, title, today, slug: values.slug });
if (!result.ok) {
  console.error(`Nothing was created: ${result.problem}`);
  process.exit(1);
}

console.log(`Created ${displayPath(result.absolute)}`);
console.log(`It is a draft, so only the preview shows it. Run npm start, then open http://localhost:${DEV_SERVER_PORT}${result.file.url}`);
console.log(`When it is ready, write the summary and the text, and delete the line "draft: true".`);
