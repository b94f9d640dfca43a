import { z } from "zod";
import { calendarDate, emailAddress, flag, labelled, list, ordered, phoneNumber, text, withMeta } from "../../schema/fields.ts";
import { nearMatch } from "../../suggest.ts";

/**
 * A research study people can take part in: `content/studies/<slug>.md`, with the fields
 * and rules of DESIGN.md's Study table. Messages follow the check's form: read after
 * "file: field: ", they say what is wrong and how to put it right.
 */

/** In the order the register shows them: what a reader can join first comes first. */
export const STUDY_STATUSES = ["recruiting", "setting-up", "closed", "completed"] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];

export const STUDY_TYPES = ["clinical-trial", "observational", "questionnaire", "interview", "samples", "other"] as const;
export type StudyType = (typeof STUDY_TYPES)[number];

/** How each status reads to a patient: on the tag, and in the CMS's choice of status. */
export const STUDY_STATUS_LABELS: Readonly<Record<StudyStatus, string>> = {
  recruiting: "Recruiting",
  "setting-up": "Setting up",
  closed: "Closed to recruitment",
  completed: "Completed",
};

export const STUDY_TYPE_NAMES: Readonly<Record<StudyType, string>> = {
  "clinical-trial": "Clinical trial",
  observational: "Observational study",
  questionnaire: "Questionnaire",
  interview: "Interviews",
  samples: "Giving samples",
  other: "Other",
};

/** Statuses in which the study is asking for people, so it must say who may join and whom to ask. */
export const OPEN_STATUSES: readonly StudyStatus[] = ["setting-up", "recruiting"];

/** The form a reader can paste into each registry's search. */
export const IRAS_PATTERN = /^\d{6,7}$/;
export const ISRCTN_PATTERN = /^ISRCTN\d{8}$/;
export const NCT_PATTERN = /^NCT\d{8}$/;

/**
 * An enum whose message lists the allowed values, with a "did you mean" for a near miss
 * ("Recruiting", "setting up"): editors type these by hand.
 */
function choice<const T extends readonly [string, ...string[]]>(field: string, values: T, labels: Readonly<Record<T[number], string>>) {
  const allowed = values.join(", ");
  const schema = z.enum(values, {
    error: (issue) => {
      const input = issue.input;
      if (input === undefined) return `is required (add a line "${field}: ..." to the front matter, one of ${allowed})`;
      if (typeof input !== "string") return `must be one of ${allowed}`;
      // "Setting up" and "setting_up" are the value meant, written another way.
      const normalised = input
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, "-");
      const guess = (values as readonly string[]).includes(normalised) ? normalised : nearMatch(normalised, values);
      return `"${input}" is not one of ${allowed}${guess ? ` (did you mean "${guess}"?)` : ""}`;
    },
  });
  return withMeta(schema, { kind: "choice", options: values.map((value: T[number]) => [value, labels[value]] as const) });
}

/**
 * A registry identifier. YAML reads `iras: 123456` as a number, and the build passes the
 * front matter on as YAML read it, so a number cannot be accepted and turned into text
 * here: the message says to quote it. A value that is right apart from spaces, case or
 * a missing prefix gets the corrected form as a suggestion.
 */
function identifier(field: string, name: string, pattern: RegExp, prefix: string, digits: string, example: string) {
  const what = prefix ? `${prefix} and ${digits} digits, with no space` : `${digits} digits`;
  const correct = (value: string): string | undefined => {
    const squeezed = value.replace(/[\s-]+/g, "").toUpperCase();
    const candidate = prefix && /^\d+$/.test(squeezed) ? `${prefix}${squeezed}` : squeezed;
    return candidate !== value && pattern.test(candidate) ? candidate : undefined;
  };
  const schema = z
    .string({
      error: (issue) => {
        if (typeof issue.input === "number" && Number.isInteger(issue.input)) {
          return `must be written in double quotes, such as ${field}: "${correct(String(issue.input)) ?? String(issue.input)}"`;
        }
        return `must be ${what}, such as ${field}: "${example}"`;
      },
    })
    .superRefine((value, context) => {
      if (pattern.test(value)) return;
      const guess = correct(value);
      context.addIssue({
        code: "custom",
        message: `"${value}" is not ${name}: write ${what}, such as "${example}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
      });
    });
  return withMeta(schema, { kind: "text", maxLength: example.length, pattern: [pattern.source, `Write ${what}, such as ${example}.`], example });
}

/** Who to contact about taking part. */
export const contactSchema = withMeta(z.strictObject(
  {
    email: labelled(
      emailAddress('is required: the address people write to about the study, such as email: "research@example.nhs.uk"'),
      "Email",
      "The address people write to about taking part. Needed while the study is setting up or recruiting.",
    ),
    phone: labelled(phoneNumber(), "Phone", "Optional. A number people can call, such as 01632 960000.").optional(),
    team: labelled(text("contact.team", 150), "Team", 'Optional. Who people will reach, such as "the memory clinic research team".').optional(),
  },
  {
    error: (issue) =>
      issue.input === undefined
        ? "is required"
        : 'must be a group of fields: email, and optionally phone and team (indent each under "contact:" with two spaces)',
  },
), { kind: "group" });

/** An eligibility point: a line of plain text, read as one item of a list. */
const eligibility = withMeta(
  list("whoCanTakePart").refine((points) => points.every((point) => point.trim() !== ""), {
    error: "has an empty point: write each point, or remove the empty line",
  }),
  { kind: "list" },
);

export const studySchema = z
  .strictObject({
    title: text("title", 150),
    acronym: labelled(text("acronym", 30), "Acronym", "Optional. The short name the study is known by, such as GLAD. At most 30 characters.").optional(),
    summary: text("summary", 300),
    status: labelled(
      choice("status", STUDY_STATUSES, STUDY_STATUS_LABELS),
      "Status",
      "Recruiting: looking for people now. Setting up: not yet. Closed: no longer looking for people. Completed: finished.",
    ),
    recruitmentEnds: labelled(
      calendarDate("recruitmentEnds"),
      "Recruitment ends",
      "Optional. The last day people can join. After it the site shows the study as closed.",
    ).optional(),
    whoCanTakePart: labelled(
      eligibility,
      "Who can take part",
      "One plain point each, such as Aged 18 or over. Needed while the study is setting up or recruiting.",
    ).optional(),
    studyType: labelled(choice("studyType", STUDY_TYPES, STUDY_TYPE_NAMES), "Type of study"),
    conditions: labelled(withMeta(list("conditions"), { kind: "topics" }), "Conditions", "Optional. To add a condition, ask for it to be added as a topic in content/_data/topics.json.").optional(),
    iras: labelled(identifier("iras", "an IRAS ID", IRAS_PATTERN, "", "6 or 7", "1234567"), "IRAS ID", "Optional. 6 or 7 digits.").optional(),
    isrctn: labelled(identifier("isrctn", "an ISRCTN number", ISRCTN_PATTERN, "ISRCTN", "8", "ISRCTN12345678"), "ISRCTN", "Optional. ISRCTN and 8 digits. Links to the ISRCTN registry.").optional(),
    nct: labelled(identifier("nct", "a ClinicalTrials.gov number", NCT_PATTERN, "NCT", "8", "NCT12345678"), "ClinicalTrials.gov ID", "Optional. NCT and 8 digits. Links to ClinicalTrials.gov.").optional(),
    sponsor: labelled(text("sponsor", 150), "Sponsor", "Optional. The organisation responsible for the study.").optional(),
    contact: labelled(contactSchema, "Contact", "Needed while the study is setting up or recruiting: an email address, and a phone number if you have one.").optional(),
    reviewed: calendarDate("reviewed"),
    reviewDue: calendarDate("reviewDue").optional(),
    draft: flag("draft").optional(),
  })
  .refine((study) => ordered(study.reviewed, study.reviewDue, false), {
    path: ["reviewDue"],
    // Both dates are checked as text by ordered(), so this can run beside other problems.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
    error: (issue) => {
      const study = issue.input as { reviewed?: string; reviewDue?: string };
      return `"${study.reviewDue}" must be after the reviewed date "${study.reviewed}"`;
    },
  })
  // These run even when other fields have problems, so the editor sees every problem at once.
  .refine((study) => !asksForPeople(study) || Boolean(study.whoCanTakePart?.length), {
    path: ["whoCanTakePart"],
    when: (payload) => asksForPeople(payload.value),
    error: (issue) => `is required while the status is ${statusOf(issue.input)}: list who can take part, one plain point a line, each starting "  - "`,
  })
  .refine((study) => !asksForPeople(study) || study.contact !== undefined, {
    path: ["contact"],
    when: (payload) => asksForPeople(payload.value),
    error: (issue) =>
      `is required while the status is ${statusOf(issue.input)}: add "contact:" with an email line under it, such as email: "research@example.nhs.uk"`,
  });

/** The status text of front matter that may not have passed the schema yet. */
const statusOf = (value: unknown): string => {
  const status = typeof value === "object" && value !== null ? (value as { status?: unknown }).status : undefined;
  return typeof status === "string" ? status : "";
};

/** A study that asks for people must say who may join and whom to ask, or its page invites no one. */
function asksForPeople(value: unknown): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(statusOf(value));
}

/** The front matter as the schema accepts it: what the study layout receives. */
export type StudyFrontMatter = z.infer<typeof studySchema>;
export type StudyContact = z.infer<typeof contactSchema>;
