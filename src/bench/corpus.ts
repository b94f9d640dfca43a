import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import yaml from "js-yaml";

/** A small seeded generator, so every run of the benchmark builds the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "research study trial patients participants care clinical health service staff evidence team data results " +
  "consent ethics approval recruitment mental wellbeing community partnership university funding innovation " +
  "treatment outcomes quality improvement nurses doctors therapy assessment support training review protocol " +
  "analysis findings dissemination conference network delivery commercial national regional local digital"
).split(" ");

const TOPICS = ["clinical-trials", "events", "mental-health", "partnerships"];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function sentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 14);
  const words = Array.from({ length }, () => pick(random, WORDS));
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number, words: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const next = sentence(random);
    sentences.push(next);
    count += next.split(" ").length;
  }
  return sentences.join(" ");
}

/** A story body of 350 to 1,000 words with headings, a list and links, like a real one. */
function storyBody(random: () => number, index: number, total: number): string {
  const target = 350 + Math.floor(random() * 651);
  const parts: string[] = [];
  let words = 0;
  let section = 0;
  while (words < target) {
    if (section > 0 && section % 2 === 0) parts.push(`## ${sentence(random).slice(0, -1)}`);
    const size = 60 + Math.floor(random() * 80);
    parts.push(paragraph(random, size));
    words += size;
    if (section === 1) {
      parts.push(Array.from({ length: 3 + Math.floor(random() * 3) }, () => `- ${sentence(random)}`).join("\n"));
      const other = (index + 1 + Math.floor(random() * (total - 1))) % total;
      parts.push(`Read more about [taking part in research](/services/taking-part-in-research/) and [an earlier story](/news/) (story ${other}).`);
    }
    section++;
  }
  return parts.join("\n\n");
}

export interface CorpusOptions {
  stories: number;
  seed?: number;
  /** The newest story's date; the rest go back twelve years from it. */
  newest?: string;
  /** Every story gets a lead image of its own (a different picture each) and shows it again in its body. */
  images?: boolean;
}

/** A 1600 × 1000 photo-sized JPEG, different for each story, drawn with sharp (no files in the repository). */
async function storyImage(random: () => number): Promise<Buffer> {
  const colour = () =>
    `#${Math.floor(random() * 0xffffff)
      .toString(16)
      .padStart(6, "0")}`;
  const shapes = Array.from(
    { length: 12 },
    () =>
      `<circle cx="${Math.floor(random() * 1600)}" cy="${Math.floor(random() * 1000)}" r="${40 + Math.floor(random() * 260)}" fill="${colour()}" fill-opacity="0.7"/>`,
  ).join("");
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: colour() } })
    .composite([{ input: Buffer.from(`<svg width="1600" height="1000">${shapes}</svg>`), top: 0, left: 0 }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * Writes a content folder with the real site data, pages and services, and `stories`
 * generated news stories spread over twelve years.
 */
export async function writeCorpus(root: string, realContent: string, options: CorpusOptions): Promise<string> {
  const random = seededRandom(options.seed ?? 20241212);
  const content = path.join(root, "content");
  await cp(realContent, content, { recursive: true });
  const newest = new Date(`${options.newest ?? "2026-11-01"}T00:00:00Z`).getTime();
  const span = 12 * 365 * 86_400_000;
  const years = new Set<string>();
  for (let index = 0; index < options.stories; index++) {
    const date = new Date(newest - Math.floor(random() * span)).toISOString().slice(0, 10);
    const year = date.slice(0, 4);
    if (!years.has(year)) {
      await mkdir(path.join(content, "news", year), { recursive: true });
      years.add(year);
    }
    const tags = TOPICS.filter(() => random() < 0.3);
    const front = yaml.dump(
      {
        title: `Story ${index}: ${sentence(random).slice(0, 90).replace(/\.$/, "")}`,
        date,
        summary: `${sentence(random)} ${sentence(random)}`.slice(0, 280),
        ...(tags.length ? { tags } : {}),
        ...(options.images ? { image: { src: `/images/story-${index}.jpg`, alt: `A picture for story ${index}` } } : {}),
      },
      { lineWidth: -1 },
    );
    let body = storyBody(random, index, options.stories);
    if (options.images) {
      await mkdir(path.join(content, "images"), { recursive: true });
      await writeFile(path.join(content, "images", `story-${index}.jpg`), await storyImage(random));
      body = `${body}\n\n![The picture for story ${index} again](/images/story-${index}.jpg)`;
    }
    await writeFile(path.join(content, "news", year, `story-${index}.md`), `---\n${front}---\n\n${body}\n`);
  }
  return content;
}
