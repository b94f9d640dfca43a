import type { PageData } from "../../src/render/page-data.ts";
import { Time } from "./Time.tsx";

/** The NHS content style's review dates at the foot of a page. */
export function ReviewDates({ reviewed, reviewDue, data }: { reviewed?: string; reviewDue?: string; data: PageData }) {
  if (!reviewed) return null;
  return (
    <div class="nhsuk-u-margin-top-7">
      <p class="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
        Page last reviewed: <Time date={reviewed} data={data} />
      </p>
      {reviewDue ? (
        <p class="nhsuk-body-s nhsuk-u-secondary-text-colour">
          Next review due: <Time date={reviewDue} data={data} />
        </p>
      ) : null}
    </div>
  );
}
