import type { Problem } from "../problems.ts";
import { nearMatch } from "../suggest.ts";
import { parseWallClock } from "./time.ts";

/**
 * The event checks that need more than one file's front matter. They take plain values, so
 * the site-wide check can call them with whatever it has read; each returns problems in the
 * check's own `file: field: message` form.
 */

/** An event lives in the folder of its start's year, as stories do, so its address tells when it was. */
export function eventYearProblems(file: string, start: unknown, folderYear: string | undefined): Problem[] {
  const wall = typeof start === "string" ? parseWallClock(start) : null;
  if (!wall || !folderYear) return [];
  const year = wall.date.slice(0, 4);
  if (year === folderYear) return [];
  return [
    {
      file,
      field: "start",
      message: `"${start as string}" is in ${year} but the event is in the ${folderYear} folder: move it to content/events/${year}/ or correct the start`,
      severity: "error",
    },
  ];
}

/**
 * Each `news` entry must be a published story: `stories` holds every story address the
 * build will publish, and `heldBack` those it will not (drafts, embargoed stories) with
 * why, so the message can say what to do rather than only that the link is wrong.
 */
export function eventNewsProblems(file: string, news: unknown, stories: ReadonlySet<string>, heldBack: ReadonlyMap<string, string> = new Map()): Problem[] {
  if (!Array.isArray(news)) return [];
  const known = [...stories];
  return news.flatMap((entry, index): Problem[] => {
    if (typeof entry !== "string" || stories.has(entry)) return [];
    const field = `news[${index}]`;
    const why = heldBack.get(entry);
    if (why) {
      return [
        {
          file,
          field,
          message: `"${entry}" is ${why}, so the live site would link to a page it does not have: publish the story first, or remove this line`,
          severity: "error",
        },
      ];
    }
    const guess = nearMatch(entry, known);
    return [
      {
        file,
        field,
        message: `"${entry}" is not a news story on this site${guess ? ` (did you mean "${guess}"?)` : ""}: copy the story's address from the site, such as /news/2024/a-story/`,
        severity: "error",
      },
    ];
  });
}
