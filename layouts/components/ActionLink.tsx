import type { PageData } from "../../src/render/page-data.ts";
import { Icon } from "./icons.tsx";
import { href } from "./links.ts";

export function ActionLink({ url, text, data }: { url: string; text: string; data: PageData }) {
  return (
    <a class="nhsuk-action-link" href={href(data, url)}>
      <Icon name="arrow-right-circle" />
      <span class="nhsuk-action-link__text">{text}</span>
    </a>
  );
}
