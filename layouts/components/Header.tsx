import type { PageData } from "../../src/render/page-data.ts";
import { Icon, NhsLogo } from "./icons.tsx";
import { href } from "./links.ts";
import { samePerSite } from "./per-site.ts";

/** The section of the site a page belongs to, for the navigation's current item. */
function isCurrent(pageUrl: string, itemUrl: string): "page" | "true" | undefined {
  if (pageUrl === itemUrl) return "page";
  if (itemUrl !== "/" && pageUrl.startsWith(itemUrl)) return "true";
  return undefined;
}

/** nhsuk-frontend's organisational header with the service name, search and navigation. */
export function Header({ data }: { data: PageData }) {
  // The header differs between pages only in which navigation item is current.
  const current = data.site.navigation.map((item) => isCurrent(data.page.url, item.href) ?? "").join(",");
  return samePerSite(data.site, `${data.pathPrefix}|${current}`, () => <SiteHeader data={data} />);
}

function SiteHeader({ data }: { data: PageData }) {
  const { site } = data;
  const { organisation } = site;
  return (
    <header class="nhsuk-header nhsuk-header--organisation" data-module="nhsuk-header" role="banner">
      <div class="nhsuk-header__container nhsuk-width-container">
        <div class="nhsuk-header__service">
          {/*
            The link's name comes from what it shows, in the order shown, with "homepage" after it: a speech-input
            user says what they see ("click Midlands Partnership University"). nhsuk-frontend's aria-label replaces
            that with text that does not contain the visible text as shown (WCAG 2.5.3 Label in Name). The spaces
            keep the words apart in the name; they change nothing on screen.
          */}
          <a class="nhsuk-header__service-logo" href={href(data, "/")}>
            <NhsLogo label="NHS" />{" "}
            <span class="nhsuk-header__organisation-name">
              {organisation.name}
              {organisation.split ? (
                <>
                  {" "}
                  <span class="nhsuk-header__organisation-name-split">{organisation.split}</span>
                </>
              ) : null}
            </span>{" "}
            {organisation.descriptor ? (
              <>
                <span class="nhsuk-header__organisation-name-descriptor">{organisation.descriptor}</span>{" "}
              </>
            ) : null}
            <span class="nhsuk-header__service-name">{site.name}</span>
            <span class="nhsuk-u-visually-hidden"> homepage</span>
          </a>
        </div>
        <search class="nhsuk-header__search">
          <form class="nhsuk-header__search-form" id="search" action={href(data, "/search/")} method="get" novalidate>
            <div class="nhsuk-form-group">
              <label class="nhsuk-label nhsuk-u-visually-hidden" for="search-field">
                Search the {site.name} website
              </label>
              <div class="nhsuk-input-wrapper">
                <input class="nhsuk-input" id="search-field" name="q" type="search" autocomplete="off" placeholder="Search" />
                <button class="nhsuk-button nhsuk-button--icon nhsuk-button--small" data-module="nhsuk-button" type="submit" aria-label="Search">
                  <Icon name="search" />
                </button>
              </div>
            </div>
          </form>
        </search>
      </div>
      <nav class="nhsuk-header__navigation" aria-label="Menu">
        <div class="nhsuk-header__navigation-container nhsuk-width-container">
          <ul class="nhsuk-header__navigation-list">
            {site.navigation.map((item) => {
              const current = isCurrent(data.page.url, item.href);
              return (
                <li class={`nhsuk-header__navigation-item${current ? " nhsuk-header__navigation-item--current" : ""}`}>
                  <a class="nhsuk-header__navigation-link" href={href(data, item.href)} aria-current={current}>
                    {current ? <strong class="nhsuk-header__navigation-item-current-fallback">{item.text}</strong> : item.text}
                  </a>
                </li>
              );
            })}
            <li class="nhsuk-header__menu" hidden>
              <button class="nhsuk-header__menu-toggle nhsuk-header__navigation-link" id="toggle-menu" type="button" aria-expanded="false">
                <span class="nhsuk-u-visually-hidden">Browse </span>More
              </button>
            </li>
          </ul>
        </div>
      </nav>
    </header>
  );
}
