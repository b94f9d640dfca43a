import path from "node:path";

export type Severity = "error" | "warning";

/** One thing wrong with one content file, in the words an editor needs to fix it. */
export interface Problem {
  file: string;
  field?: string;
  line?: number;
  message: string;
  severity: Severity;
}

/** Paths are shown as the editor would type them: relative to where the command ran. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? file : relative).split(path.sep).join("/");
}

/** `content/news/2024/foo.md: date: "2024-02-30" is not a real date (use YYYY-MM-DD)` */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const prefix = problem.severity === "warning" ? "warning: " : "";
  return `${prefix}${where}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.toSorted((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
