import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeContent, markdownFile } from "./fixture-site.ts";

const TOPICS = ["clinical-trials", "events", "mental-health", "partnerships"];

/** A story body of the usual length: paragraphs, a subheading, a list and internal links. */
function body(index: number, year: number): string {
  return [
    `Paragraph one of generated story ${index}, long enough to look like the opening of a real story about research in the Trust.`,
    "## What happens next",
    `The team will report back later. Read more [news](/news/) or about [our services](/services/), or see [last year](/news/${year}/).`,
    "- one point\n- another point\n- a third point",
    "A closing paragraph with some **bold** and _emphasised_ words and a [link elsewhere](https://www.nihr.ac.uk/).",
  ].join("\n\n");
}

/**
 * Writes `count` valid stories spread over ten years into a fresh content folder, for
 * timing the check and for builds big enough to interrupt.
 */
export async function generateContent(root: string, count: number): Promise<string> {
  const content = await makeContent(root);
  const start = Date.UTC(2024, 11, 31);
  const made = new Set<string>();
  for (let index = 0; index < count; index++) {
    const date = new Date(start - (index % 3650) * 86_400_000).toISOString().slice(0, 10);
    const year = Number(date.slice(0, 4));
    const folder = path.join(content, "news", String(year));
    if (!made.has(folder)) await mkdir(folder, { recursive: true });
    made.add(folder);
    const data = {
      title: `Generated story number ${index}`,
      date,
      summary: `What happened in generated story ${index}, in one plain sentence.`,
      tags: [TOPICS[index % TOPICS.length]],
    };
    await writeFile(path.join(folder, `generated-story-${index}.md`), markdownFile(data, body(index, year)));
  }
  return content;
}
