import type { Problem } from "../../problems.ts";
import { nearMatch } from "../../suggest.ts";
import type { SiteUrls } from "../../site-urls.ts";
import { NEWS_PATH } from "./schema.ts";

/**
 * The event check that needs the whole site (the definition's `siteProblems`). It takes
 * plain values, and returns problems in the check's own `file: field: message` form.
 */

/**
 * Each `news` entry must be a published story: `stories` holds every story address the
 * build will publish, and `heldBack` those it will not (drafts, embargoed stories) with
 * why, so the message can say what to do rather than only that the link is wrong.
 */
export function eventNewsProblems(
  file: string,
  news: unknown,
  stories: ReadonlySet<string> | Pick<SiteUrls, "has" | "nearest">,
  heldBack: ReadonlyMap<string, string> = new Map(),
): Problem[] {
  if (!Array.isArray(news)) return [];
  // The schema lets only story-shaped addresses through, and only stories have that shape, so a page there is a story.
  const nearest = (url: string) => {
    const guess = stories instanceof Set ? nearMatch(url, [...(stories as ReadonlySet<string>)]) : (stories as Pick<SiteUrls, "nearest">).nearest(url);
    return guess && NEWS_PATH.test(guess) ? guess : undefined;
  };
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
    const guess = nearest(entry);
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
