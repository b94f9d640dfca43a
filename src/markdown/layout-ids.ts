/**
 * Every fixed id the layouts give an element (the skip link's target, the header's menu
 * button and search, the search page's controls, the sections a study, event or home page
 * adds around the editor's text), and the ids nhsuk-frontend's scripts look for. A body
 * heading never takes one of them (src/markdown/markdown-components.ts gives it another),
 * since two elements with one id break the skip link, the menu or an `aria-labelledby`.
 * tests/media.test.ts fails when a layout gains an id this list does not name.
 */
export const LAYOUT_IDS: ReadonlySet<string> = new Set([
  // base.tsx and the header on every page
  "maincontent",
  "search",
  "search-field",
  "toggle-menu",
  "header-navigation",
  "contents",
  // home, events, studies and study pages
  "latest-news",
  "our-services",
  "recruiting-studies",
  "upcoming",
  "past",
  "upcoming-events",
  "about-the-event",
  "event-news",
  "filter-by-condition",
  "about-this-study",
  "how-to-take-part",
  "who-can-take-part",
  "what-taking-part-involves",
  "find-out-more",
  "contact-the-study-team",
  // the search page
  "search-form",
  "search-q",
  "type",
  "year",
  "topic",
  "sort",
  "search-needs-javascript",
  "search-status",
  "search-result-list",
  "search-more",
  "search-no-results",
  "search-no-results-query",
]);
