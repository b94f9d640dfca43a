import { isValidElement, type VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { EleventyConfig, RenderContext } from "./config-api.ts";

/** Renders an element to HTML; a whole document gets its doctype here, in one place. */
export function renderHtml(element: VNode): string {
  const html = renderToStaticMarkup(element);
  return html.startsWith("<html") ? `<!DOCTYPE html>\n${html}` : html;
}

/**
 * Renders `.11ty.tsx` modules: Eleventy's JavaScript engine runs the module's `render`,
 * and preact-render-to-string turns the element it returns into HTML, escaping every
 * string on the way.
 */
export function tsxExtension(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: RenderContext, data: unknown) {
        const output = await this.defaultRenderer(data);
        if (!isValidElement(output)) return output;
        return renderHtml(output as VNode);
      };
    },
  });
  eleventyConfig.addTemplateFormats("11ty.tsx");
}
