import type { PageData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { href } from "./components/links.ts";

/** /publications/: its title and summary come from the definition's listing (src/content/types/publication.ts). */
export type PublicationsData = PageData & { title: string; summary: string };

/**
 * Every published publication, newest year first, each year under its own heading, each
 * entry with its authors and where it was published. A site without any says so: the
 * page is there from the start, and never pretends to a list.
 */
export function render(data: PublicationsData) {
  const { years } = data.collections.publications;
  return (
    <Base data={data} title={data.title} description={data.summary} trail={[{ text: "Home", url: "/" }]}>
      <h1>{data.title}</h1>
      <p class="nhsuk-lede-text">{data.summary}</p>
      {years.length ? (
        years.map((group) => (
          <>
            <h2>{group.year}</h2>
            <ul class="nhsuk-list">
              {group.publications.map((entry) => (
                <li class="nhsuk-u-margin-bottom-4">
                  <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                    <a href={href(data, entry.url)}>{entry.title}</a>
                  </h3>
                  <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
                    {entry.authors.join(", ")}. {entry.journal}, {String(entry.year)}.
                  </p>
                </li>
              ))}
            </ul>
          </>
        ))
      ) : (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>There are no publications on this website yet.</p>
        </div>
      )}
    </Base>
  );
}
