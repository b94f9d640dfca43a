import type { PageData } from "../../src/render/page-data.ts";
import { STUDIES_URL, studyCount } from "../../src/content/types/study/status.ts";
import { ActionLink } from "./ActionLink.tsx";

/**
 * The site's own page about taking part in research, a service page the site was seeded
 * with: it shows the count of recruiting studies (layouts/service.tsx), and the
 * register's empty state links to it while it exists. If the page moves, change this.
 */
export const TAKING_PART_URL = "/services/taking-part-in-research/";

export interface RecruitingStudiesProps {
  /** How many studies show as recruiting on the build day (StudyRegister.recruitingCount). */
  count: number;
  data: PageData;
  heading?: string;
  headingLevel?: 2 | 3;
}

/**
 * How many studies are looking for people, with a link to the register: for the home
 * page and the "Taking part in research" service page. With none recruiting it says so,
 * and still links to the register, whose empty state points to other ways to take part.
 */
export function RecruitingStudies({ count, data, heading = "Take part in research", headingLevel = 2 }: RecruitingStudiesProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="recruiting-studies">
      <Heading id="recruiting-studies">{heading}</Heading>
      <p>
        {count > 0
          ? `${studyCount(count)} ${count === 1 ? "is" : "are"} looking for people to take part.`
          : "No studies are looking for people to take part at the moment."}
      </p>
      <ActionLink url={STUDIES_URL} text={count > 0 ? "Find a study to take part in" : "See our research studies"} data={data} />
    </section>
  );
}
