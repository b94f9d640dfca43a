/**
 * The rendered markdown body: the one place a page takes raw HTML, and only what the
 * site's own markdown renderer made (raw HTML in content files is turned off).
 */
export function Content({ html }: { html: string }) {
  return <div class="ri-content" dangerouslySetInnerHTML={{ __html: html }} />;
}
