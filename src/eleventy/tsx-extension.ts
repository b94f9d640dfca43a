import { Html } from "#jsx/jsx-runtime";
import type { EleventyConfig, RenderContext } from "./config-api.ts";

/** A rendered layout as a string; a whole document gets its doctype here, in one place. */
export function renderHtml(element: Html | null): string {
  const html = element?.value ?? "";
  return html.startsWith("<html") ? `<!DOCTYPE html>\n${html}` : html;
}

/**
 * Renders `.11ty.tsx` modules: Eleventy's JavaScript engine runs the module's `render`,
 * whose JSX (`src/render/jsx-runtime.ts`) has already become escaped HTML.
 */
export function tsxExtension(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: RenderContext, data: unknown) {
        const output = await this.defaultRenderer(data);
        return output instanceof Html ? renderHtml(output) : output;
      };
    },
  });
}
