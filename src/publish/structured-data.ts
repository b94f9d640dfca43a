/**
 * schema.org data for search engines, written into a `<script type="application/ld+json">`.
 * That element is data, not code: the strict CSP lets it be because browsers never run it.
 */
export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  /** RFC 3339 timestamps. */
  datePublished: string;
  dateModified: string;
  image: string;
  language: string;
  /** The Trust. */
  publisher: string;
  /** The department's email, telephone and address, as schema.org names them, when site.json gives them. */
}

export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  const trust = { "@type": "Organization", name: input.publisher };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: input.url,
    url: input.url,
    headline: input.headline,
    description: input.description,
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    image: [input.image],
    inLanguage: input.language,
    author: trust,
    publisher: trust,
  };
}

/**
 * JSON for inside a `<script>` element. The HTML parser ends the element at the first
 * `</script`, whatever the JSON means, so `<`, `>` and `&` are written as JSON escapes:
 * a headline such as `</script><script>...` stays text.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export interface DepartmentInput {
  /** The department, as site.json names it. */
  name: string;
  /** The live site's home page. */
  url: string;
  /** The Trust the department belongs to. */
  parent: string;
  /** Its email, telephone and address as schema.org names them (src/content/contact.ts). */
  contact: Record<string, string>;
}

/** schema.org `Organization` for the department, with how to reach it: the contact page's data. */
export function department(input: DepartmentInput): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: input.name,
    url: input.url,
    parentOrganization: { "@type": "Organization", name: input.parent },
    ...input.contact,
  };
}
