import type { PageData } from "../../src/render/page-data.ts";
import { Time } from "./Time.tsx";

export interface PreviewBannerProps {
  data: PageData & { draft?: boolean };
}

/**
 * In the editors' preview only, says that the page is not on the live site and why:
 * it is a draft, or a story dated after today. Production builds leave such pages out,
 * so this never reaches the public. Markup: nhsuk-frontend's warning callout; the
 * heading is a paragraph because it comes before the page's h1.
 */
export function PreviewBanner({ data }: PreviewBannerProps) {
  if (!data.preview) return null;
  const date = data.embargo;
  if (!data.draft && !date) return null;
  return (
    <div class="nhsuk-card nhsuk-card--warning ri-preview-banner" role="note" aria-label="Preview">
      <div class="nhsuk-card__content">
        <p class="nhsuk-card__heading nhsuk-heading-m">
          <span class="nhsuk-u-visually-hidden">Preview: </span>
          {data.draft ? (
            "Draft"
          ) : (
            <>
              Embargoed until <Time date={date ?? ""} data={data} />
            </>
          )}
        </p>
        <p class="nhsuk-card__description">
          {data.draft
            ? "This page is not on the live site. Only the preview shows it. To publish it, delete the line draft: true."
            : "This story is not on the live site yet. It appears on the live site from the first build on or after that day."}
          {data.draft && date ? (
            <>
              {" "}
              It is also dated after today, so it stays off the live site until <Time date={date} data={data} />.
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}
