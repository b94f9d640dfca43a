/**
 * Site paths that search engines and the site's own search must not index: the content
 * editor is a tool for staff, not a page for the public. The sitemap and robots.txt
 * import this list; the pages themselves carry no `data-pagefind-body` and a robots
 * `noindex` meta tag.
 */
export const NOT_INDEXED_PATHS: readonly string[] = ["/admin/"];

export function isIndexed(url: string): boolean {
  return !NOT_INDEXED_PATHS.some((prefix) => url.startsWith(prefix));
}
