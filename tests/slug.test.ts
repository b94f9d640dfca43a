import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { locate } from "../src/content/types.ts";
import slugifyWords from "@sindresorhus/slugify";
import { TITLE_SLUG_OPTIONS, isValidSlug, slugify, slugifyWith } from "../src/content/slug.ts";
import { seededRandom } from "../src/bench/corpus.ts";

describe("isValidSlug", () => {
  it("accepts lowercase letters, digits and single hyphens", () => {
    for (const slug of ["news", "a", "nihr-crdc-2024", "2024", "x1-y2"]) assert.ok(isValidSlug(slug), slug);
  });

  it("rejects capitals, spaces, underscores and stray hyphens", () => {
    for (const slug of ["News", "my story", "my_story", "-lead", "trail-", "double--hyphen", "café", ""]) {
      assert.equal(isValidSlug(slug), false, slug);
    }
  });
});

describe("slugify", () => {
  it("makes a valid slug from a title", () => {
    assert.equal(slugify("Lancet Commission on self-harm"), "lancet-commission-on-self-harm");
    assert.equal(slugify("R&I: what’s new in 2024?"), "r-and-i-whats-new-in-2024");
    assert.equal(slugify("  Café études — Ŵyn  "), "cafe-etudes-wyn");
    assert.ok(isValidSlug(slugify("Windows of Opportunity: Innovations in Care")));
  });

  it("spells the letters of other languages and scripts in Latin ones, not dropping them", () => {
    assert.equal(slugify("Straße to Łódź"), "strasse-to-lodz");
    assert.equal(slugify("Ymchwil a Datblygu: Gŵyl yr Haf"), "ymchwil-a-datblygu-gwyl-yr-haf");
    assert.equal(slugify("Ymchwil ac Arloesi yng Nghymru"), "ymchwil-ac-arloesi-yng-nghymru");
    assert.equal(slugify("Έρευνα και καινοτομία"), "ereyna-kai-kainotomia");
    assert.equal(slugify("Søren and Ærø"), "soren-and-aero");
    for (const title of ["Ελληνικά νέα", "Добро пожаловать", "Ŵyn, ŷd ac ŵy"]) {
      const slug = slugify(title);
      assert.ok(slug.length > 3 && isValidSlug(slug), `${title} gives "${slug}"`);
    }
  });
});

describe("slugifyWith", () => {
  // Plain-text titles and headings skip the library's transliteration table: the two must agree on any text.
  const random = seededRandom(17);
  const pieces = [
    "Research",
    "NHS",
    "COVID19",
    "iPhone",
    "APIs",
    "what's",
    "isn't",
    "O'Brien",
    "R&D",
    " & ",
    "'",
    "’",
    "^",
    "`",
    "\\",
    "-",
    "--",
    " ",
    "  ",
    "_",
    ".",
    ":",
    "?",
    "(2024)",
    "#",
    "*",
    "Café",
    "ß",
    "Ŵ",
    "🦄",
    "♥",
    "Έρευνα",
    "1️⃣",
    "Straße",
  ];
  const text = (ascii: boolean) =>
    Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
      if (random() < 0.5) return String.fromCharCode(32 + Math.floor(random() * 95));
      const piece = pieces[Math.floor(random() * pieces.length)] as string;
      return ascii && /[^ -~]/.test(piece) ? "a" : piece;
    }).join("");

  it("gives what @sindresorhus/slugify gives, for headings (its defaults) and titles (this project's options)", () => {
    for (let i = 0; i < 1500; i++) {
      const sample = text(i % 2 === 0);
      assert.equal(slugifyWith(sample), slugifyWords(sample), JSON.stringify(sample));
      assert.equal(slugifyWith(sample, TITLE_SLUG_OPTIONS), slugifyWords(sample, TITLE_SLUG_OPTIONS), JSON.stringify(sample));
    }
  });
});

describe("locate", () => {
  it("gives each content file its type and URL", () => {
    assert.deepEqual(locate("index.md"), { ok: true, location: { type: "home", slug: "index", url: "/" } });
    assert.deepEqual(locate("news/2024/my-story.md"), {
      ok: true,
      location: { type: "news", slug: "my-story", year: "2024", url: "/news/2024/my-story/" },
    });
    assert.deepEqual(locate("services/training.md"), { ok: true, location: { type: "service", slug: "training", url: "/services/training/" } });
    assert.deepEqual(locate("pages/accessibility-statement.md"), {
      ok: true,
      location: { type: "page", slug: "accessibility-statement", url: "/accessibility-statement/" },
    });
  });

  it("explains a bad file name with a suggestion", () => {
    const located = locate("news/2024/My Story.md");
    assert.equal(located.ok, false);
    assert.match(located.ok ? "" : located.problem, /not a valid slug.*"my-story\.md"/);
  });

  it("rejects files outside the published folders", () => {
    assert.equal(locate("news/my-story.md").ok, false);
    assert.equal(locate("news/24/my-story.md").ok, false);
    assert.equal(locate("blog/post.md").ok, false);
  });
});
