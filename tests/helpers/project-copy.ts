import { cp, symlink } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./fixture-site.ts";

/**
 * A copy of the project's code (not its content) in a temporary folder, sharing the
 * installed node_modules and the vendored Decap CMS, so a test can edit layouts and src/ without touching the files
 * other tests build with.
 */
export async function copyProject(root: string): Promise<string> {
  const project = path.join(root, "project");
  for (const entry of ["src", "layouts", "eleventy.config.ts", "package.json", "tsconfig.json"]) {
    await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  }
  for (const shared of ["node_modules", "vendor"]) await symlink(path.join(ROOT, shared), path.join(project, shared), "dir");
  return project;
}
