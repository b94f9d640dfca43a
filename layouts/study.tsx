import { scriptSafeJson } from "../src/publish/structured-data.ts";
import type { StudyData } from "../src/render/page-data.ts";
import { registryEntries } from "../src/content/types/study/registries.ts";
import type { StudyContact } from "../src/content/types/study/schema.ts";
import { type ShownStudy, STUDIES_URL, effectiveStatus, studyConditionUrl, studyEntry, studyTypeName } from "../src/content/types/study/status.ts";
import { medicalStudy } from "../src/content/types/study/structured-data.ts";
import { Base } from "./base.tsx";
import { Content } from "./components/Content.tsx";
import { absolute, href } from "./components/links.ts";
import { PreviewBanner } from "./components/PreviewBanner.tsx";
import { ReviewDates } from "./components/ReviewDates.tsx";
import { conditionNames, recruitmentDate, studyName } from "./components/StudyCards.tsx";
import { StudySearchData } from "./components/StudySearchData.tsx";
import { StudyStatusTag } from "./components/StudyStatusTag.tsx";
import { Time } from "./components/Time.tsx";
import { REGISTER_TITLE } from "./studies.tsx";

/** A phone number as a `tel:` address: its digits, and a leading + for an international one. */
export const telHref = (phone: string): string => `tel:${phone.trim().startsWith("+") ? "+" : ""}${phone.replace(/\D/g, "")}`;

/** A phone number never wraps across two lines, where it would read as two numbers. */
const unbroken = (phone: string): string => phone.trim().replace(/\s+/g, "\u00a0");

/** Whom to contact, by email and (if given) phone. */
function ContactDetails({ contact }: { contact: StudyContact }) {
  return (
    <ul class="nhsuk-list">
      <li>
        Email: <a href={`mailto:${contact.email}`}>{contact.email}</a>
      </li>
      {contact.phone ? (
        <li>
          Phone: <a href={telHref(contact.phone)}>{unbroken(contact.phone)}</a>
        </li>
      ) : null}
    </ul>
  );
}

/**
 * What to do next, by the status shown: how to take part while the study recruits, how to
 * find out more while it sets up, and only whom to ask once it no longer wants people.
 */
function NextSteps({ study, contact }: { study: ShownStudy; contact?: StudyContact }) {
  const team = contact?.team ?? "the study team";
  switch (study.shownStatus) {
    case "recruiting":
      return (
        <section aria-labelledby="how-to-take-part">
          <h2 id="how-to-take-part">How to take part</h2>
          {contact ? (
            <>
              <p>If you would like to take part, or to ask about the study first, contact {team}.</p>
              <ContactDetails contact={contact} />
            </>
          ) : null}
          <p>You can also ask your care team, such as your GP, nurse or consultant, about this study.</p>
        </section>
      );
    case "setting-up":
      return (
        <section aria-labelledby="find-out-more">
          <h2 id="find-out-more">Find out more</h2>
          <p>This study is not looking for people to take part yet.</p>
          {contact ? (
            <>
              <p>To find out more, contact {team}.</p>
              <ContactDetails contact={contact} />
            </>
          ) : null}
          <p>You can also ask your care team, such as your GP, nurse or consultant, about this study.</p>
        </section>
      );
    default:
      return contact ? (
        <section aria-labelledby="contact-the-study-team">
          <h2 id="contact-the-study-team">Contact the study team</h2>
          <p>If you have a question about this study, contact {team}.</p>
          <ContactDetails contact={contact} />
        </section>
      ) : null;
  }
}

/** The study's facts, as nhsuk-frontend's summary list; registry identifiers link to their public entries. */
function AboutStudy({ data, study }: { data: StudyData; study: ShownStudy }) {
  const date = recruitmentDate(study);
  const conditions = study.conditions.flatMap((slug) => {
    const topic = data.topics.find((entry) => entry.slug === slug);
    return topic ? [topic] : [];
  });
  return (
    <section aria-labelledby="about-this-study">
      <h2 id="about-this-study">About this study</h2>
      <dl class="nhsuk-summary-list">
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Status</dt>
          <dd class="nhsuk-summary-list__value">
            <StudyStatusTag status={study.shownStatus} />
          </dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Type of study</dt>
          <dd class="nhsuk-summary-list__value">{studyTypeName(study.studyType)}</dd>
        </div>
        {conditions.length ? (
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{conditions.length === 1 ? "Condition" : "Conditions"}</dt>
            <dd class="nhsuk-summary-list__value">
              <ul class="nhsuk-list nhsuk-u-margin-bottom-0">
                {conditions.map((topic) => (
                  <li>
                    <a href={href(data, studyConditionUrl(topic.slug))}>
                      {topic.name}
                      <span class="nhsuk-u-visually-hidden"> studies</span>
                    </a>
                  </li>
                ))}
              </ul>
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
        {data.sponsor ? (
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">Sponsor</dt>
            <dd class="nhsuk-summary-list__value">{data.sponsor}</dd>
          </div>
        ) : null}
        {registryEntries(data).map((entry) => (
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{entry.name}</dt>
            <dd class="nhsuk-summary-list__value">
              {entry.url ? (
                <a href={entry.url}>
                  {entry.id}
                  <span class="nhsuk-u-visually-hidden"> on {entry.registry}</span>
                </a>
              ) : (
                entry.id
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * A study: its plain-language summary, who can take part, what taking part involves (the
 * body), how to take part, the registry entries, the sponsor and the review dates.
 */
export function render(data: StudyData) {
  const entry = studyEntry(data.page.url, data);
  const shownStatus = effectiveStatus(data, data.buildDate);
  const study: ShownStudy = { ...entry, shownStatus, endedByDate: shownStatus !== data.status };
  const open = shownStatus === "recruiting" || shownStatus === "setting-up";
  const points = data.whoCanTakePart ?? [];
  const structured = medicalStudy({ url: absolute(data, data.page.url), study: data, shownStatus, conditions: conditionNames(study.conditions, data) });
  return (
    <Base
      data={data}
      title={studyName(data)}
      description={data.summary}
      trail={[
        { text: "Home", url: "/" },
        { text: REGISTER_TITLE, url: STUDIES_URL },
      ]}
    >
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <PreviewBanner data={data} />
          <article data-pagefind-body>
            <StudySearchData data={data} status={shownStatus} conditions={study.conditions} />
            <h1 data-pagefind-meta="title">{studyName(data)}</h1>
            <p>
              <StudyStatusTag status={shownStatus} />
            </p>
            <p class="nhsuk-lede-text">{data.summary}</p>
            {study.endedByDate && data.recruitmentEnds ? (
              <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">Information: </span>
                <p>
                  Recruitment to this study ended on <Time date={data.recruitmentEnds} data={data} />. It is no longer looking for people to take part.
                </p>
              </div>
            ) : null}
            {points.length ? (
              <section aria-labelledby="who-can-take-part">
                <h2 id="who-can-take-part">{open ? "Who can take part" : "Who could take part"}</h2>
                <ul class="nhsuk-list nhsuk-list--bullet">
                  {points.map((point) => (
                    <li>{point}</li>
                  ))}
                </ul>
              </section>
            ) : null}
            {data.content.trim() ? (
              <section aria-labelledby="what-taking-part-involves">
                <h2 id="what-taking-part-involves">What taking part involves</h2>
                <Content html={data.content} />
              </section>
            ) : null}
            <NextSteps study={study} contact={data.contact} />
            <AboutStudy data={data} study={study} />
          </article>
          <ReviewDates reviewed={data.reviewed} reviewDue={data.reviewDue} data={data} />
          <script
            type="application/ld+json"
            // JSON escaped so that no field can end the element; browsers never run it.
            dangerouslySetInnerHTML={{ __html: scriptSafeJson(structured) }}
          />
        </div>
      </div>
    </Base>
  );
}
