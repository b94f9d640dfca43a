import type { Problem } from "../../problems.ts";

/** What `npm run new -- publication` starts the authors and the journal with, until the editor writes them. */
export const PLACEHOLDER_AUTHOR = "Replace this with an author's name, one a line.";
export const PLACEHOLDER_JOURNAL = "Replace this with where it was published.";

/** As with a placeholder summary, only a draft may keep the text a new file started with. */
export function publicationProblems(file: string, data: Readonly<Record<string, unknown>>): Problem[] {
  if (data.draft === true) return [];
  const problems: Problem[] = [];
  const authors = Array.isArray(data.authors) ? data.authors : [];
  const at = authors.indexOf(PLACEHOLDER_AUTHOR);
  if (at >= 0) {
    problems.push({
      file,
      field: `authors[${at}]`,
      message: "still has the text the new file started with: write the authors' names, or keep the publication a draft (draft: true) until it is ready",
      severity: "error",
    });
  }
  if (data.journal === PLACEHOLDER_JOURNAL) {
    problems.push({
      file,
      field: "journal",
      message: "still has the text the new file started with: write where it was published, or keep the publication a draft (draft: true) until it is ready",
      severity: "error",
    });
  }
  return problems;
}
