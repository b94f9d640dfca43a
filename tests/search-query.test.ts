import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_QUERY_LENGTH, describeResults, hasSearch, pagefindFilters, readQuery, writeQuery } from "../src/client/search/query.ts";

describe("search query in the address", () => {
  it("reads every part, with defaults for what is missing", () => {
    assert.deepEqual(readQuery(new URLSearchParams("q=+lancet+&type=News&year=2024&topic=Events&sort=newest")), {
      q: "lancet",
      type: "News",
      year: "2024",
      topic: "Events",
      status: "",
      sort: "newest",
    });
    assert.deepEqual(readQuery(new URLSearchParams("sort=oldest")), { q: "", type: "", year: "", topic: "", status: "", sort: "relevance" });
  });

  it("writes only the parts that are set, and reads back what it wrote", () => {
    const query = readQuery(new URLSearchParams("q=a%26b+<c>&topic=Mental+health"));
    assert.equal(writeQuery(query), "?q=a%26b+%3Cc%3E&topic=Mental+health");
    assert.deepEqual(readQuery(new URLSearchParams(writeQuery(query))), query);
    assert.equal(writeQuery(readQuery(new URLSearchParams(""))), "");
  });

  it("caps very long queries", () => {
    assert.equal(readQuery(new URLSearchParams(`q=${"x".repeat(5000)}`)).q.length, MAX_QUERY_LENGTH);
  });

  it("reads, writes and passes on a study's status filter", () => {
    const query = readQuery(new URLSearchParams("type=Study&status=Recruiting"));
    assert.equal(writeQuery(query), "?type=Study&status=Recruiting");
    assert.deepEqual(pagefindFilters(query), { type: "Study", status: "Recruiting" });
    assert.equal(hasSearch(readQuery(new URLSearchParams("status=Completed"))), true);
  });

  it("passes only set filters to Pagefind and says how many results there are", () => {
    const query = readQuery(new URLSearchParams("type=Service"));
    assert.deepEqual(pagefindFilters(query), { type: "Service" });
    assert.equal(hasSearch(query), true);
    assert.equal(hasSearch(readQuery(new URLSearchParams("sort=newest"))), false);
    assert.equal(describeResults(1, readQuery(new URLSearchParams("q=lancet"))), "1 result for ‘lancet’");
    assert.equal(describeResults(3, query), "3 results");
  });
});
