import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Fragment, Html, escapeHtml, jsx } from "#jsx/jsx-runtime";
import { renderHtml } from "../src/render/pages.ts";

/** The layouts' JSX runtime makes HTML strings directly; these are its safety and markup rules. */
describe("JSX runtime", () => {
  it("escapes text children and attribute values", () => {
    const html = <p title={'say "hi" & <b>'}>{"<script>alert(1)</script> & more"}</p>;
    assert.equal(html.value, '<p title="say &quot;hi&quot; &amp; &lt;b>">&lt;script>alert(1)&lt;/script> &amp; more</p>');
  });

  it("inserts nested elements as markup, and arrays, numbers and fragments in order", () => {
    const items = ["a", "b"];
    const html = (
      <ul>
        {items.map((item) => (
          <li>{item}</li>
        ))}
        <>
          <li>{3}</li>
          {null}
          {false}
          {undefined}
        </>
      </ul>
    );
    assert.equal(html.value, "<ul><li>a</li><li>b</li><li>3</li></ul>");
  });

  it("writes boolean switches bare, and aria, data and spellcheck values as words", () => {
    const html = <input hidden={true} disabled={false} aria-expanded={false} data-open={true} spellcheck={false} />;
    assert.equal(html.value, '<input hidden aria-expanded="false" data-open="true" spellcheck="false"/>');
  });

  it("leaves out null and undefined attributes, and renames className and htmlFor", () => {
    const html = (
      <label className="x" htmlFor="y" title={undefined} id={null as unknown as string}>
        z
      </label>
    );
    assert.equal(html.value, '<label class="x" for="y">z</label>');
  });

  it("closes void elements and writes no end tag for them", () => {
    assert.equal((<meta charset="utf-8" />).value, '<meta charset="utf-8"/>');
    assert.equal((<br />).value, "<br/>");
  });

  it("takes raw HTML only through dangerouslySetInnerHTML", () => {
    assert.equal((<div dangerouslySetInnerHTML={{ __html: "<em>ok</em>" }} />).value, "<div><em>ok</em></div>");
  });

  it("calls components with their props and children", () => {
    const Box = ({ label, children }: { label: string; children: string }) => <section aria-label={label}>{children}</section>;
    assert.equal((<Box label="L">{"<x>"}</Box>).value, '<section aria-label="L">&lt;x></section>');
    const Nothing = () => null;
    assert.equal(
      (
        <div>
          <Nothing />
        </div>
      ).value,
      "<div></div>",
    );
  });

  it("refuses an object child rather than printing [object Object]", () => {
    assert.throws(() => jsx("p", { children: { text: "x" } }), /only text, numbers and elements/);
  });

  it("escapes only what needs it, and gives a whole document its doctype", () => {
    assert.equal(escapeHtml("plain text"), "plain text");
    assert.equal(escapeHtml("a > b"), "a > b");
    assert.equal(renderHtml(jsx("html", { lang: "en-GB", children: "x" })), '<!DOCTYPE html>\n<html lang="en-GB">x</html>');
    assert.equal(renderHtml(jsx(Fragment, { children: new Html("<p>part</p>") })), "<p>part</p>");
  });
});
