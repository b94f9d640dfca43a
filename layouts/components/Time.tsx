import { formatDate, isoDate } from "../../src/content/dates.ts";
import type { PageData } from "../../src/render/page-data.ts";

/** Every date on a page is a `<time>` with the calendar day in its `datetime`. */
export function Time({ date, data }: { date: string; data: Pick<PageData, "site"> }) {
  return <time datetime={isoDate(date)}>{formatDate(date, data.site.dateStyle ?? "ordinal")}</time>;
}
