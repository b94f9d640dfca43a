import { REGISTER_TITLE } from "../src/content/types/study.ts";
import { type ConditionFilter, STATUS_DISPLAY, STUDIES_URL, type StudyRegister, studyCount } from "../src/content/types/study/status.ts";
import type { PageData, StudiesData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { href } from "./components/links.ts";
import { TAKING_PART_URL } from "./components/RecruitingStudies.tsx";
import { StudyCards } from "./components/StudyCards.tsx";

export { REGISTER_TITLE, TAKING_PART_URL };

/** The NIHR's national service for finding studies to take part in. */
export const BE_PART_OF_RESEARCH_URL = "https://bepartofresearch.nihr.ac.uk/";

/**
 * Said when no study recruits: that none does, and where else to look, so a reader who
 * came to take part leaves with somewhere to go rather than an empty page.
 */
export function NoneRecruiting({ data, condition }: { data: PageData; condition?: Pick<ConditionFilter, "name"> }) {
  const takingPart = data.collections.services.some((service) => service.url === TAKING_PART_URL);
  return (
    <div class="nhsuk-inset-text">
      <span class="nhsuk-u-visually-hidden">Information: </span>
      <h2 class="nhsuk-heading-m">
        {condition ? `No ${condition.name.toLowerCase()} studies are recruiting at the moment` : "No studies are recruiting at the moment"}
      </h2>
      <p>
        {condition
          ? `None of our studies about ${condition.name.toLowerCase()} is looking for people to take part right now.`
          : "None of our studies is looking for people to take part right now."}
      </p>
      {takingPart ? (
        <p>
          To find out what taking part in research involves, read <a href={href(data, TAKING_PART_URL)}>taking part in research</a>.
        </p>
      ) : null}
      <p class="nhsuk-u-margin-bottom-0">
        You can also look for studies across the UK on <a href={BE_PART_OF_RESEARCH_URL}>Be Part of Research</a>, the National Institute for Health and Care
        Research (NIHR) service for finding studies to take part in.
      </p>
    </div>
  );
}

/**
 * The filter by condition, as links to a page per condition: it works without JavaScript
 * and every filtered view has its own address. The page shown is marked as current.
 */
export function ConditionLinks({ register, current, data }: { register: Pick<StudyRegister, "conditions" | "studies">; current?: string; data: PageData }) {
  if (!register.conditions.length) return null;
  return (
    <nav class="nhsuk-u-margin-bottom-6" aria-labelledby="filter-by-condition">
      <h2 class="nhsuk-heading-s nhsuk-u-margin-bottom-2" id="filter-by-condition">
        Filter by condition
      </h2>
      <ul class="nhsuk-list">
        <li>
          {current ? (
            <a href={href(data, STUDIES_URL)}>All studies ({studyCount(register.studies.length)})</a>
          ) : (
            <strong aria-current="page">All studies ({studyCount(register.studies.length)})</strong>
          )}
        </li>
        {register.conditions.map((condition) => (
          <li>
            {condition.slug === current ? (
              <strong aria-current="page">
                {condition.name} ({studyCount(condition.total)})
              </strong>
            ) : (
              <a href={href(data, condition.url)}>
                {condition.name} ({studyCount(condition.total)})
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * "Take part in research" (/studies/) and each condition's page (/studies/conditions/<topic>/):
 * the studies grouped by the status they show on the build day, recruiting first.
 */
export function render(data: StudiesData) {
  const register = data.collections.studyRegister;
  const condition = data.studyCondition === undefined ? undefined : register.conditions.find((entry) => entry.slug === data.studyCondition);
  if (data.studyCondition !== undefined && !condition) throw new Error(`no study names the condition "${data.studyCondition}"`);
  const groups = condition ? condition.groups : register.groups;
  const recruiting = condition ? condition.recruiting : register.recruitingCount;
  const title = condition ? `${condition.name} studies` : REGISTER_TITLE;
  const description = condition
    ? `Research studies about ${condition.name.toLowerCase()}: which are looking for people to take part, and which are setting up, closed or completed.`
    : "Research studies you may be able to take part in: which are looking for people now, and which are setting up, closed or completed.";
  return (
    <Base
      data={data}
      title={title}
      description={description}
      // Only a site with studies has the feed (see studiesFeed).
      feed={register.feed ? { url: register.feed.url, title: register.feed.title } : undefined}
      trail={
        condition
          ? [
              { text: "Home", url: "/" },
              { text: REGISTER_TITLE, url: STUDIES_URL },
            ]
          : [{ text: "Home", url: "/" }]
      }
    >
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <h1>
            {condition ? (
              <span class="nhsuk-caption-l nhsuk-caption--top">
                {REGISTER_TITLE}
                {/* Keeps the caption and the heading two phrases when read aloud as one. */}
                <span class="nhsuk-u-visually-hidden"> – </span>
              </span>
            ) : null}
            {title}
          </h1>
          <p class="nhsuk-lede-text">{description}</p>
          <p>Taking part in research is always your choice.</p>
          {recruiting === 0 ? <NoneRecruiting data={data} condition={condition} /> : null}
          <ConditionLinks register={register} current={condition?.slug} data={data} />
          {groups.map((group) => (
            <section aria-labelledby={group.id}>
              <h2 id={group.id}>
                {STATUS_DISPLAY[group.status].heading}
                <span class="nhsuk-u-visually-hidden">: {studyCount(group.studies.length)}</span>
              </h2>
              <p>{STATUS_DISPLAY[group.status].description}</p>
              <StudyCards studies={group.studies} data={data} />
            </section>
          ))}
        </div>
      </div>
    </Base>
  );
}
