import sharp from "sharp";
import { type FixtureOptions, markdownFile } from "./fixture-site.ts";

/**
 * A story with a lead image, body images, document links and every content component,
 * and a long service page: the fixture the build, HTML, link, axe and reflow checks run
 * on for issue 16. Pictures are drawn here (no binary files in the repository).
 */
export async function fixturePhoto(width = 1600, height = 1000): Promise<Buffer> {
  const shapes = `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${Math.round(height * 0.3)}" fill="#ffeb3b"/><rect x="${Math.round(width / 16)}" y="${Math.round(height / 10)}" width="${Math.round(width / 4)}" height="${Math.round(height / 5)}" fill="#007f3b"/></svg>`;
  return sharp({ create: { width, height, channels: 3, background: { r: 0, g: 94, b: 184 } } })
    .composite([{ input: Buffer.from(shapes), top: 0, left: 0 }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A chart with a transparent background: its fallback copies stay PNG. */
export async function fixtureChart(): Promise<Buffer> {
  const bars =
    '<svg width="800" height="500"><rect x="50" y="200" width="100" height="300" fill="#d5281b"/><rect x="250" y="100" width="100" height="400" fill="#005eb8"/></svg>';
  return sharp({ create: { width: 800, height: 500, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0 } } })
    .composite([{ input: Buffer.from(bars), top: 0, left: 0 }])
    .png()
    .toBuffer();
}

/** A minimal PDF of about 245 KB, so its link says "PDF, 245 KB". */
export const FIXTURE_PDF = Buffer.from(`%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n${" ".repeat(250_000)}`);

export const FIXTURE_STORY_BODY = `The opening paragraph of the story.

![A blue picture with a yellow circle and a green box](/images/photo.jpg)

## What we found

Read the [annual report](/documents/annual-report.pdf) and the [survey data](/documents/results.csv).

::: inset
You can take part in more than one study at a time.
:::

::: warning Before you take part
Tell the research team about any medicines you take.
:::

::: warning
A warning with the default heading and **bold** text.
:::

::: details Who can see my information?
Only the research team and the study's sponsor.
:::

::: expander Opening times
We are open 9am to 5pm, Monday to Friday.
:::

::: figure Results of the 2024 survey, by site
![A bar chart with a short red bar and a tall blue bar](/images/chart.png)
:::
`;

export const FIXTURE_SERVICE_BODY =
  "How the service works.\n\n## Who can use it\n\nAnyone.\n\n## What happens\n\nThis.\n\n### First visit\n\nThat.\n\n## How to contact us\n\nBy email.\n";

export async function mediaFixture(): Promise<FixtureOptions> {
  return {
    stories: [
      {
        slug: "everything",
        title: "A story with everything",
        date: "2024-11-01",
        summary: "A story with a lead image, body images, document links and every component.",
        body: FIXTURE_STORY_BODY,
        image: { src: "/images/photo.jpg", alt: "A blue picture with a yellow circle and a green box", caption: "The lead picture's caption" },
      },
      {
        slug: "plain",
        title: "A plain story",
        date: "2024-10-01",
        summary: "A story without pictures.",
        image: { src: "/images/chart.png", alt: "A bar chart" },
      },
    ],
    files: {
      "images/photo.jpg": await fixturePhoto(),
      "images/chart.png": await fixtureChart(),
      "documents/annual-report.pdf": FIXTURE_PDF,
      "documents/results.csv": "site,count\nA,3\nB,5\n",
      "services/long-service.md": markdownFile(
        { title: "Long service", summary: "A service page with sections.", reviewed: "2024-01-01" },
        FIXTURE_SERVICE_BODY,
      ),
    },
  };
}
