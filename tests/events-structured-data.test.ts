import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { EventEntry } from "../src/content/types/event/listing.ts";
import { attendanceMode, eventJsonLd, offer } from "../src/content/types/event/structured-data.ts";
import { scriptSafeJson } from "../src/publish/structured-data.ts";

const talk: EventEntry = {
  url: "/events/2025/summer-talk/",
  title: "Summer talk",
  summary: "An evening talk about taking part in research.",
  start: "2025-07-01T18:00",
  end: "2025-07-01T20:00",
  location: "Main Hall, 1 High Street, Town",
  tags: [],
  news: [],
  year: "2025",
};
const input = (event: EventEntry) => ({
  event,
  pageUrl: `https://ri.example.nhs.uk${event.url}`,
  organiser: "Example NHS Foundation Trust",
  organiserUrl: "https://ri.example.nhs.uk/",
  language: "en-GB",
});

describe("schema.org Event data", () => {
  it("gives 18:00 London with +01:00 in summer and +00:00 (18:00Z) in winter", () => {
    const summer = eventJsonLd(input(talk));
    assert.equal(summer.startDate, "2025-07-01T18:00:00+01:00");
    assert.equal(summer.endDate, "2025-07-01T20:00:00+01:00");
    assert.equal(new Date(String(summer.startDate)).toISOString(), "2025-07-01T17:00:00.000Z");
    const winter = eventJsonLd(input({ ...talk, start: "2025-01-15T18:00", end: undefined }));
    assert.equal(winter.startDate, "2025-01-15T18:00:00+00:00");
    assert.equal(new Date(String(winter.startDate)).toISOString(), "2025-01-15T18:00:00.000Z");
    assert.equal("endDate" in winter, false);
  });

  it("gives an all-day event its first and last days as dates", () => {
    const conference = eventJsonLd(input({ ...talk, start: "2024-11-07", end: undefined }));
    assert.deepEqual([conference.startDate, conference.endDate], ["2024-11-07", "2024-11-07"]);
    const span = eventJsonLd(input({ ...talk, start: "2025-09-10", end: "2025-09-12" }));
    assert.deepEqual([span.startDate, span.endDate], ["2025-09-10", "2025-09-12"]);
  });

  it("describes a complete in-person event", () => {
    assert.deepEqual(eventJsonLd(input({ ...talk, cost: "Free", booking: "https://booking.example/summer-talk" })), {
      "@context": "https://schema.org",
      "@type": "Event",
      name: "Summer talk",
      description: "An evening talk about taking part in research.",
      url: "https://ri.example.nhs.uk/events/2025/summer-talk/",
      inLanguage: "en-GB",
      startDate: "2025-07-01T18:00:00+01:00",
      endDate: "2025-07-01T20:00:00+01:00",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: { "@type": "Place", name: "Main Hall", address: "Main Hall, 1 High Street, Town" },
      organizer: { "@type": "Organization", name: "Example NHS Foundation Trust", url: "https://ri.example.nhs.uk/" },
      offers: { "@type": "Offer", url: "https://booking.example/summer-talk", price: "0", priceCurrency: "GBP" },
    });
  });

  it("says online, mixed, or nothing when the content does not say where", () => {
    const online = eventJsonLd(input({ ...talk, location: undefined, online: true }));
    assert.equal(online.eventAttendanceMode, "https://schema.org/OnlineEventAttendanceMode");
    assert.deepEqual(online.location, { "@type": "VirtualLocation", url: "https://ri.example.nhs.uk/events/2025/summer-talk/" });
    const mixed = eventJsonLd(input({ ...talk, online: true, booking: "https://booking.example/x" }));
    assert.equal(mixed.eventAttendanceMode, "https://schema.org/MixedEventAttendanceMode");
    assert.deepEqual(mixed.location, [
      { "@type": "Place", name: "Main Hall", address: "Main Hall, 1 High Street, Town" },
      { "@type": "VirtualLocation", url: "https://booking.example/x" },
    ]);
    const unknown = eventJsonLd(input({ ...talk, location: undefined }));
    assert.equal("eventAttendanceMode" in unknown || "location" in unknown, false);
    assert.equal(attendanceMode({ online: false }), undefined);
  });

  it("turns cost and booking into an offer without guessing", () => {
    assert.equal(offer({}), undefined);
    assert.deepEqual(offer({ cost: "£25" }), { "@type": "Offer", price: "25", priceCurrency: "GBP" });
    assert.deepEqual(offer({ cost: "£7.50" }), { "@type": "Offer", price: "7.50", priceCurrency: "GBP" });
    assert.deepEqual(offer({ cost: "£10 for students, £20 otherwise" }), { "@type": "Offer", description: "£10 for students, £20 otherwise" });
    assert.deepEqual(offer({ booking: "https://booking.example/" }), { "@type": "Offer", url: "https://booking.example/" });
  });

  it("stays data inside its script element", () => {
    const json = scriptSafeJson(eventJsonLd(input({ ...talk, title: "</script><script>alert(1)</script>" })));
    assert.ok(!json.includes("</script"));
    assert.equal((JSON.parse(json) as { name: string }).name, "</script><script>alert(1)</script>");
  });
});
