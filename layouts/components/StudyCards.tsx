import type { PageData } from "../../src/render/page-data.ts";
import { type ShownStudy } from "../../src/content/types/study/status.ts";
import { href } from "./links.ts";
import { StudyStatusTag } from "./StudyStatusTag.tsx";
import { Time } from "./Time.tsx";

/** A card shows the first few eligibility points; the study page has them all. */
export const CARD_ELIGIBILITY_POINTS = 3;

/** "Title (ACRONYM)": the acronym is how many people know a study. */
export const studyName = (study: { title: string; acronym?: string }): string => (study.acronym ? `${study.title} (${study.acronym})` : study.title);

/** The topic names of a study's conditions, in the order the study gives them. */
export function conditionNames(conditions: readonly string[], data: Pick<PageData, "topics">): string[] {
  return conditions.map((slug) => data.topics.find((topic) => topic.slug === slug)?.name).filter((name) => name !== undefined);
}

/**
 * The recruitment date line: until when a study recruits, or when it stopped. A study
 * closed before its planned end date shows no date, since the date no longer says anything true.
 */
export function recruitmentDate(study: ShownStudy): { label: string; date: string } | undefined {
  const ends = study.recruitmentEnds;
  if (!ends) return undefined;
  if (study.shownStatus === "recruiting" || study.shownStatus === "setting-up") return { label: "Recruiting until", date: ends };
  if (study.endedByDate) return { label: "Recruitment ended", date: ends };
  return undefined;
}

/**
 * One study as nhsuk-frontend's clickable card, with a summary list inside as its
 * reference markup has: the whole card is the link, so nothing else in it is one.
 */
export function StudyCard({ study, data, headingLevel = 3 }: { study: ShownStudy; data: PageData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const conditions = conditionNames(study.conditions, data);
  const open = study.shownStatus === "recruiting" || study.shownStatus === "setting-up";
  const points = open ? study.whoCanTakePart.slice(0, CARD_ELIGIBILITY_POINTS) : [];
  const more = open ? study.whoCanTakePart.length - points.length : 0;
  const date = recruitmentDate(study);
  return (
    <li class="nhsuk-grid-column-full nhsuk-card-group__item">
      <div class="nhsuk-card nhsuk-card--clickable">
        <div class="nhsuk-card__content">
          <Heading class="nhsuk-card__heading nhsuk-heading-m">
            <a class="nhsuk-card__link" href={href(data, study.url)}>
              {studyName(study)}
            </a>
          </Heading>
          <p class="nhsuk-u-margin-bottom-3">
            <StudyStatusTag status={study.shownStatus} />
          </p>
          <p class="nhsuk-card__description">{study.summary}</p>
          {conditions.length || points.length || date ? (
            <dl class="nhsuk-summary-list nhsuk-summary-list--no-last-row-border nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-0">
              {conditions.length ? (
                <div class="nhsuk-summary-list__row">
                  <dt class="nhsuk-summary-list__key">{conditions.length === 1 ? "Condition" : "Conditions"}</dt>
                  <dd class="nhsuk-summary-list__value">{conditions.join(", ")}</dd>
                </div>
              ) : null}
              {points.length ? (
                <div class="nhsuk-summary-list__row">
                  <dt class="nhsuk-summary-list__key">Who can take part</dt>
                  <dd class="nhsuk-summary-list__value">
                    <ul class="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
                      {points.map((point) => (
                        <li>{point}</li>
                      ))}
                    </ul>
                    {more > 0 ? <p class="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">And {more} more on the study's page.</p> : null}
                  </dd>
                </div>
              ) : null}
              {date ? (
                <div class="nhsuk-summary-list__row">
                  <dt class="nhsuk-summary-list__key">{date.label}</dt>
                  <dd class="nhsuk-summary-list__value">
                    <Time date={date.date} data={data} />
                  </dd>
                </div>
              ) : null}
            </dl>
          ) : null}
        </div>
      </div>
    </li>
  );
}

export function StudyCards({ studies, data, headingLevel }: { studies: readonly ShownStudy[]; data: PageData; headingLevel?: 2 | 3 }) {
  return (
    <ul class="nhsuk-grid-row nhsuk-card-group">
      {studies.map((study) => (
        <StudyCard study={study} data={data} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}
