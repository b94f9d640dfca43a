import { z } from "zod";
import { type FieldMeta, fieldMeta, webAddressPattern } from "../content/schema/fields.ts";
import type { Site, Topic } from "../content/schema/site.ts";
import { IMAGES_FOLDER, IMAGES_URL } from "../content/site-urls.ts";
import { CONTENT_TYPES } from "../content/types.ts";
import { COMPONENTS } from "../content/components.ts";
import { LOCAL_BACKEND_URL } from "./local-backend.ts";

/**
 * The Decap CMS configuration, made from the same zod schemas the check enforces, so
 * the editor never offers a field the build would reject (tests/cms.test.ts compares
 * them field by field).
 */

/** A Decap field, as much of it as this site uses. */
export interface CmsField {
  label: string;
  name: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  fields?: CmsField[];
  /** A list's one field: each entry is a value of it (a list of text, not of groups). */
  field?: CmsField;
  options?: Array<{ label: string; value: string }>;
  multiple?: boolean;
  format?: string;
  date_format?: string;
  time_format?: boolean;
  picker_utc?: boolean;
  value_type?: string;
  min?: number;
  max?: number;
  choose_url?: boolean;
  buttons?: string[];
  editor_components?: string[];
  modes?: string[];
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  path?: string;
  create?: boolean;
  slug?: string;
  extension?: string;
  format?: string;
  summary?: string;
  sortable_fields?: string[];
  preview_path?: string;
  media_folder?: string;
  public_folder?: string;
  files?: Array<{ name: string; label: string; file: string; fields: CmsField[] }>;
  fields?: CmsField[];
}

/** Where the content lives in the repository, and which schema each folder's files take: from the content types' definitions. */
export const CMS_COLLECTIONS = CONTENT_TYPES.flatMap((definition) =>
  "folder" in definition.cms ? [{ ...definition.cms, schema: definition.schema as z.ZodType }] : [],
);

/** Content types that are one file (the home page), each a Decap file collection. */
const CMS_FILES = CONTENT_TYPES.flatMap((definition) => ("file" in definition.cms ? [{ ...definition.cms, schema: definition.schema as z.ZodType }] : []));

/**
 * Schema fields the CMS leaves out on purpose, and why. Leaving a field out can only make
 * the CMS stricter than the build, never looser.
 */
export const CMS_OMITTED: Readonly<Record<string, string>> = {
  "image.decorative": "the CMS always asks for alt text; decorative images can be marked in the markdown file",
};

/**
 * Words for the fields several types share, in the editors' guide's terms. A field that
 * one type has alone brings its own label and hint in its schema (`labelled`), which come
 * first; a limit a hint states is the schema's (a 300-character title says 300).
 */
const HELP: Record<string, { label: string; hint?: (meta: FieldMeta | undefined) => string }> = {
  title: { label: "Title", hint: (meta) => `What the page is about, in plain words.${atMost(meta)}` },
  summary: { label: "Summary", hint: (meta) => `One or two plain sentences, shown in listings and search results.${atMost(meta)}` },
  tags: { label: "Topics", hint: () => "To add a topic, ask for it to be added to content/_data/topics.json." },
  draft: { label: "Draft", hint: () => "Ticked: the page stays off the live site even after it is published here." },
  image: { label: "Image" },
  "image.src": { label: "Image file", hint: () => "Upload a picture or choose one already on the site. It is saved in content/images/." },
  "image.alt": { label: "Alt text", hint: () => "Needed whenever there is an image: describe what it shows, for people who cannot see it." },
  "image.caption": { label: "Caption", hint: (meta) => `Optional: shown under the image on the story's page.${atMost(meta)}` },
  reviewed: { label: "Last reviewed", hint: () => "The day someone last checked the page is right." },
  reviewDue: { label: "Next review due", hint: () => "The check warns when this day has passed." },
};

/** A hint's statement of the schema's length limit, when it has one. */
const atMost = (meta: FieldMeta | undefined): string => (meta?.maxLength ? ` At most ${meta.maxLength} characters.` : "");

const DATE_FIELD = { widget: "datetime", format: "YYYY-MM-DD", date_format: "DD/MM/YYYY", time_format: false, picker_utc: true } as const;

/** Markdown the site renders well: no level-1 headings (the title is the page's one) and no raw HTML. */
export const BODY_FIELD: CmsField = {
  label: "Text",
  name: "body",
  widget: "markdown",
  modes: ["rich_text", "raw"],
  buttons: ["bold", "italic", "link", "heading-two", "heading-three", "heading-four", "quote", "bulleted-list", "numbered-list"],
  // Decap's image, and the NHS components that src/client/admin.ts registers.
  editor_components: ["image", ...COMPONENTS.map((component) => `nhs-${component.name}`)],
};

const unwrap = (schema: z.ZodType): { inner: z.ZodType; optional: boolean } => {
  let inner = schema;
  let optional = false;
  while (inner instanceof z.ZodOptional) {
    optional = true;
    inner = inner.unwrap() as z.ZodType;
  }
  return { inner, optional };
};

/** The object schema's fields, with whether each is required and what it holds. */
export function schemaFields(schema: z.ZodType): Array<{ name: string; required: boolean; meta?: FieldMeta; object?: z.ZodObject }> {
  const { inner } = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) throw new Error("content schemas are objects");
  return Object.entries(inner.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { inner: value, optional } = unwrap(field);
    return { name, required: !optional, meta: fieldMeta.get(value), object: value instanceof z.ZodObject ? value : undefined };
  });
}

function widgetFor(meta: FieldMeta | undefined, path: string, topics: Topic[]): Omit<CmsField, "label" | "name"> {
  const limit = meta?.maxLength;
  switch (meta?.kind) {
    case "text":
      if (meta.pattern) return { widget: "string", pattern: [meta.pattern[0], meta.pattern[1]] };
      return { widget: "string", ...(limit ? { pattern: [`^(?=.*\\S).{1,${limit}}$`, `Write 1 to ${limit} characters.`] } : {}) };
    case "long-text":
      return { widget: "text", ...(limit ? { pattern: [`^(?=[\\s\\S]*\\S)[\\s\\S]{1,${limit}}$`, `Write 1 to ${limit} characters.`] } : {}) };
    case "date":
      return { ...DATE_FIELD };
    case "london-time":
      return {
        widget: "string",
        pattern: ["^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$", "Write a day as 2025-07-01, or a day and London time as 2025-07-01T18:00."],
      };
    case "web-address": {
      // The field's own pattern (with its own message), or the plain shape of a web address.
      const [regex, message] = meta.pattern ?? webAddressPattern(limit ?? 500);
      return { widget: "string", pattern: [regex, message] };
    }
    case "flag":
      return { widget: "boolean" };
    case "number":
      return {
        widget: "number",
        value_type: "int",
        ...(meta.min !== undefined ? { min: meta.min } : {}),
        ...(meta.max !== undefined ? { max: meta.max } : {}),
      };
    case "choice":
      return { widget: "select", options: (meta.options ?? []).map(([value, label]) => ({ label, value })) };
    case "list":
      // One text box an entry (a point, a story address): a list without its own field would split entries at their commas.
      return { widget: "list", field: { label: meta.itemLabel ?? "Point", name: "point", widget: "string" } };
    case "topics":
      return { widget: "select", multiple: true, options: topics.map((topic) => ({ label: topic.name, value: topic.slug })) };
    case "image-file":
      return { widget: "image", choose_url: false };
    default:
      throw new Error(`${path}: the schema does not say what kind of field this is (src/content/schema/fields.ts withMeta)`);
  }
}

/**
 * The Decap fields for a content schema: one for each front-matter field, then the body.
 * Inside an optional group (a story's image) every field is optional in the form: Decap
 * validates a group's inner fields even when the group is left empty, so a required one
 * would stop a story without an image from being saved (decap-cms issue 2103). The check
 * still requires them whenever the group is given.
 */
export function cmsFields(schema: z.ZodType, topics: Topic[], prefix = "", inOptionalGroup = false): CmsField[] {
  return schemaFields(schema).flatMap((field): CmsField[] => {
    const path = prefix + field.name;
    if (path in CMS_OMITTED) return [];
    const shared = HELP[path];
    const help = field.meta?.label
      ? { label: field.meta.label, hint: field.meta.hint }
      : shared
        ? { label: shared.label, hint: shared.hint?.(field.meta) }
        : { label: field.name };
    const required = field.required && !inOptionalGroup;
    const common = { label: help.label, name: field.name, required, ...(help.hint ? { hint: help.hint } : {}) };
    if (field.object) return [{ ...common, widget: "object", fields: cmsFields(field.object, topics, `${path}.`, !required) }];
    const widget = widgetFor(field.meta, path, topics);
    return [{ ...common, ...widget, ...(field.name === "draft" ? { default: false } : {}) }];
  });
}

/** Where the CMS commits: the GitHub repository and branch, set when the site is built. */
export interface CmsBackend {
  /**
   * Offer Decap's local backend (served by `npm run cms`, src/cli/cms-backend.ts), which
   * edits the working copy's content/. Only preview builds set it: they are the only ones
   * served with a policy that lets the editor reach it (src/publish/csp.ts
   * PREVIEW_ADMIN_CSP_DIRECTIVES), and the preview adds the run's key to its address.
   */
  local?: boolean;
  repo?: string;
  branch?: string;
  /** The OAuth provider's address, for a GitHub login not run by Netlify. */
  baseUrl?: string;
  authEndpoint?: string;
}

export function cmsBackendFromEnv(env: NodeJS.ProcessEnv = process.env): CmsBackend {
  return { repo: env.RI_CMS_REPO, branch: env.RI_CMS_BRANCH, baseUrl: env.RI_CMS_AUTH_URL, authEndpoint: env.RI_CMS_AUTH_ENDPOINT };
}

/**
 * Editors' uploads, for every collection: `content/images/<name>`, written in front matter
 * as `/images/<name>`. Set on each collection as well as for the site, because Decap
 * stores uploads beside the entry for a collection with a `path` unless the collection
 * names its own folder (decap-cms issue 3706); a leading slash makes it a path from the
 * repository's root rather than from the entry.
 */
const MEDIA = { media_folder: `/content/${IMAGES_FOLDER}`, public_folder: IMAGES_URL.replace(/\/$/, "") } as const;

export function cmsConfig(site: Pick<Site, "url">, topics: Topic[], backend: CmsBackend = {}, pathPrefix = "/"): Record<string, unknown> {
  const collectionSettings = { create: true, slug: "{{slug}}", extension: "md", format: "frontmatter", ...MEDIA } as const;
  const collections: CmsCollection[] = [
    ...CMS_COLLECTIONS.map((collection): CmsCollection => ({
      name: collection.name,
      label: collection.label,
      label_singular: collection.singular,
      folder: collection.folder,
      ...(collection.path ? { path: collection.path } : {}),
      ...collectionSettings,
      ...(collection.summary ? { summary: collection.summary } : {}),
      sortable_fields: collection.sortableFields,
      preview_path: collection.preview,
      fields: [...cmsFields(collection.schema, topics), BODY_FIELD],
    })),
    ...CMS_FILES.map((collection): CmsCollection => ({
      name: collection.name,
      label: collection.label,
      files: [{ name: collection.name, label: collection.label, file: collection.file, fields: [...cmsFields(collection.schema, topics), BODY_FIELD] }],
    })),
  ];
  return {
    backend: {
      name: "github",
      // Set RI_CMS_REPO when building; without it the editor says it is not set up.
      repo: backend.repo ?? "RI_CMS_REPO-not-set/set-it-when-building",
      branch: backend.branch ?? "main",
      ...(backend.baseUrl ? { base_url: backend.baseUrl } : {}),
      ...(backend.authEndpoint ? { auth_endpoint: backend.authEndpoint } : {}),
      commit_messages: {
        create: "Create {{collection}} “{{slug}}”",
        update: "Update {{collection}} “{{slug}}”",
        delete: "Delete {{collection}} “{{slug}}”",
        uploadMedia: "Upload “{{path}}”",
        deleteMedia: "Delete “{{path}}”",
      },
    },
    ...(backend.local ? { local_backend: { url: LOCAL_BACKEND_URL } } : {}),
    // Every change is a pull request, checked by CI before anyone can publish it.
    publish_mode: "editorial_workflow",
    site_url: site.url,
    display_url: site.url,
    // The site's icon on the login page and in the editor's header, from the site itself.
    logo: { src: `${pathPrefix}assets/images/nhsuk-icon-180.png`, show_in_header: true },
    media_folder: MEDIA.media_folder.slice(1),
    public_folder: MEDIA.public_folder,
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections,
  };
}
