import { readFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import type { Browser, Page } from "playwright-core";
import { type CmsCollection, type CmsField, schemaFields } from "../../src/cms/config.ts";
import { CONTENT_TYPES } from "../../src/content/types.ts";
import type { z } from "zod";
import { type PageProblems, watchPage } from "../quality/browser.ts";

/**
 * Drives the built content editor at /admin/ as an editor would, with Decap's own
 * offline `test-repo` backend in place of GitHub: the test-only part is the backend,
 * swapped into the config.yml the build wrote; every collection, field, label, folder
 * and widget is the shipped one. Decap keeps what it would commit in `window.repoFiles`.
 */

/** Each field's example in a schema, its groups' fields included, by field name. */
function examples(schema: z.ZodType): Array<[string, string]> {
  return schemaFields(schema).flatMap((field): Array<[string, string]> => [
    ...(field.meta?.example ? [[field.name, field.meta.example] as [string, string]] : []),
    ...(field.object ? examples(field.object) : []),
  ]);
}

/**
 * What an editor would type in a field whose form asks for a shape (its pattern checks the
 * shape), by field name: each field's own example in its schema, so a new type's fields need
 * no entry here. A test that needs other values (an event next year) puts its own over these.
 */
export const SHAPED_TEXT: Readonly<Record<string, string>> = Object.fromEntries(
  CONTENT_TYPES.flatMap((definition) => examples(definition.schema as z.ZodType)),
);

/** The config.yml the build wrote, as Decap will read it. */
export interface BuiltCmsConfig {
  backend: { name: string };
  publish_mode?: string;
  collections: CmsCollection[];
  [key: string]: unknown;
}

export async function readBuiltConfig(output: string): Promise<BuiltCmsConfig> {
  return yaml.load(await readFile(path.join(output, "admin", "config.yml"), "utf8")) as BuiltCmsConfig;
}

/** A 4×4 PNG in NHS blue, small enough to write inline and real enough for any image viewer. */
export const SAMPLE_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAD0lEQVR42mNgiNuBQMRxALiDEWGCiqX0AAAAAElFTkSuQmCC", "base64");

/**
 * Opens /admin/ logged in to the test backend, with the repository holding `seed`
 * (repository paths to text, such as the project's content files).
 */
export async function openEditor(
  browser: Browser,
  adminUrl: string,
  output: string,
  seed: Record<string, string> = {},
  viewport = { width: 1280, height: 1000 },
): Promise<{ page: Page; problems: PageProblems }> {
  const config = await readBuiltConfig(output);
  // A UK editor's browser: dates are shown day first.
  const page = await browser.newPage({ viewport, locale: "en-GB" });
  // Console errors, failed requests and, above all, anything the admin policy blocks.
  const problems = await watchPage(page);
  // Decap asks "are you sure?" before publishing; the editor says yes.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.route("**/admin/config.yml", (route) =>
    route.fulfill({ contentType: "text/yaml", body: yaml.dump({ ...config, backend: { name: "test-repo" } }, { lineWidth: -1 }) }),
  );
  // The test backend reads its repository from this global, as a tree of folders.
  await page.addInitScript((files: Record<string, string>) => {
    type Tree = { [name: string]: Tree | { path: string; content: string } };
    const tree: Tree = {};
    for (const [file, content] of Object.entries(files)) {
      const parts = file.split("/");
      let folder = tree;
      for (const part of parts.slice(0, -1)) folder = (folder[part] ??= {}) as Tree;
      folder[parts.at(-1) ?? ""] = { path: file, content };
    }
    (window as unknown as { repoFiles: Tree }).repoFiles = tree;
  }, seed);
  await page.goto(adminUrl);
  await page.getByRole("button", { name: "Login" }).click();
  await page.getByRole("heading", { name: "Collections" }).waitFor();
  return { page, problems };
}

/** What to type into a field, by its name; fields not named are left as the form starts them. */
export type FormValues = { [name: string]: string | string[] | FormValues | { upload: string; bytes: Buffer } };

const control = (page: Page, field: CmsField, scope: string) =>
  // Decap labels every control with its field's label, adding "(optional)" when not required.
  page.locator(scope).getByLabel(field.required === false ? `${field.label} (optional)` : field.label, { exact: true });

/** Fills the open entry form field by field, through the widgets an editor uses. */
export async function fillForm(page: Page, fields: CmsField[], values: FormValues, scope = "body"): Promise<void> {
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined) continue;
    switch (field.widget) {
      case "string":
      case "text":
      case "number":
      case "datetime":
        await control(page, field, scope).fill(typeof value === "string" ? value : JSON.stringify(value));
        break;
      case "select": {
        const box = control(page, field, scope);
        for (const option of value as string[]) {
          await box.click();
          await page.getByRole("option", { name: option, exact: true }).click();
        }
        break;
      }
      case "image": {
        const upload = value as { upload: string; bytes: Buffer };
        await page.getByRole("button", { name: "Choose an image" }).click();
        const library = page.getByRole("dialog");
        await library.locator("input[type=file]").setInputFiles({ name: upload.upload, mimeType: "image/png", buffer: upload.bytes });
        await library.getByRole("button", { name: "Choose selected" }).click();
        await library.waitFor({ state: "detached" });
        break;
      }
      case "object":
        await fillForm(page, field.fields ?? [], value as FormValues, scope);
        break;
      case "list":
        // One text box an entry: the list's "Add" button, then the new entry's box.
        for (const [index, entry] of (value as string[]).entries()) {
          await page
            .locator(scope)
            .getByRole("button", { name: new RegExp(`^Add ${field.label}`, "i") })
            .click();
          await page
            .locator(scope)
            .getByLabel(field.field?.label ?? field.label, { exact: true })
            .nth(index)
            .fill(entry);
        }
        break;
      case "markdown": {
        const editor = page.locator(`${scope} [data-slate-editor="true"]`).first();
        await editor.click();
        await page.keyboard.type(typeof value === "string" ? value : JSON.stringify(value));
        break;
      }
      default:
        throw new Error(`no way to fill a ${field.widget} widget (${field.name})`);
    }
  }
}

/**
 * Empties every optional field again, as an editor who changed their mind would: text
 * deleted, a date cleared, topics removed, the image removed.
 */
export async function emptyOptionalFields(page: Page, fields: CmsField[], scope = "body", inOptionalGroup = false): Promise<void> {
  for (const field of fields) {
    const optional = inOptionalGroup || field.required === false;
    if (field.widget === "object") {
      await emptyOptionalFields(page, field.fields ?? [], scope, optional);
      continue;
    }
    if (!optional) continue;
    switch (field.widget) {
      case "string":
      case "text":
      case "number": {
        // As an editor deletes text: select it all, then delete it (Decap's text boxes ignore a value set directly to "").
        const box = control(page, field, scope);
        await box.press("ControlOrMeta+a");
        await box.press("Backspace");
        break;
      }
      case "datetime":
        await control(page, field, scope).fill("");
        break;
      case "select": {
        // Backspace in the box removes the last topic chosen, as it does for an editor.
        const box = control(page, field, scope);
        await box.click();
        for (let n = 0; n < (field.options?.length ?? 0); n++) await box.press("Backspace");
        await box.press("Escape");
        break;
      }
      case "image":
        await page.locator(scope).getByRole("button", { name: "Remove image" }).click();
        break;
      case "boolean":
      case "list":
        // Lists are left empty by the runs that empty fields again (see sampleValues).
        break;
      default:
        throw new Error(`no way to empty a ${field.widget} widget (${field.name})`);
    }
  }
}

/**
 * Saves the entry, then takes it through the editorial workflow as a reviewer would:
 * marked Ready, then published.
 */
export async function saveAndPublish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  // Once saved, the entry is a change in review: it gets a status.
  const status = page.getByRole("button", { name: /^Status:/ });
  const problems = page.getByText(/Oops, you've missed a required field/);
  await status.or(problems).first().waitFor();
  if (await problems.isVisible()) {
    const errors = await page.locator("[class*=ControlErrorsList] li").allInnerTexts();
    throw new Error(`Decap would not save the entry: ${errors.join("; ") || "a required field is missing"}`);
  }
  await status.click();
  await page.getByRole("menuitem", { name: "Ready" }).click();
  await page.getByRole("button", { name: "Status: Ready" }).waitFor();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("menuitem", { name: "Publish now" }).click();
  // A published entry is no longer in review, so it has no status.
  await status.waitFor({ state: "detached" });
}

/** Every file in the test backend's repository now, text or uploaded bytes, by repository path. */
export async function repositoryFiles(page: Page): Promise<Map<string, Buffer>> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const files = await page.evaluate(async () => {
    const found: Array<[string, string]> = [];
    const stack: Array<Record<string, unknown>> = [(window as unknown as { repoFiles: Record<string, unknown> }).repoFiles];
    while (stack.length) {
      for (const child of Object.values(stack.pop() ?? {}) as Array<Record<string, unknown>>) {
        if (typeof child.path !== "string" || !("content" in child)) {
          stack.push(child);
          continue;
        }
        // Text for an entry; for an upload, Decap's asset proxy holding the File the editor chose.
        const bytes =
          typeof child.content === "string"
            ? new TextEncoder().encode(child.content)
            : new Uint8Array(await (child.content as { fileObj: File }).fileObj.arrayBuffer());
        let binary = "";
        for (const byte of bytes) binary += String.fromCharCode(byte);
        found.push([child.path, btoa(binary)]);
      }
    }
    return found;
  });
  return new Map(files.map(([file, base64]) => [file, Buffer.from(base64, "base64")]));
}
