import type { DateTime } from "luxon";
import type { EventTimes } from "../../src/content/types/event/time.ts";
import { formatTime } from "../../src/content/types/event/time.ts";
import type { PageData } from "../../src/render/page-data.ts";
import { Time } from "./Time.tsx";

/** A time of day as `<time>`, its `datetime` the instant with London's offset, so machines read it as people do. */
function ClockTime({ at, text }: { at: DateTime; text: string }) {
  return <time datetime={at.toISO({ suppressSeconds: true, suppressMilliseconds: true, includeOffset: true }) ?? ""}>{text}</time>;
}

/**
 * When an event is, in the site's date style and the NHS style for times:
 * "7th November 2024", "7th November 2024 to 8th November 2024", "1st July 2025, 6pm to 8pm",
 * "1st July 2025, 6pm to 2nd July 2025, 9am". Every date is a `<time datetime="YYYY-MM-DD">`.
 */
export function EventWhen({ times, data }: { times: EventTimes; data: Pick<PageData, "site"> }) {
  const first = <Time date={times.firstDay} data={data} />;
  if (times.allDay) {
    return times.lastDay === times.firstDay ? (
      first
    ) : (
      <>
        {first} to <Time date={times.lastDay} data={data} />
      </>
    );
  }
  const start = <ClockTime at={times.start} text={formatTime(times.startTime ?? "00:00")} />;
  const end = times.end && times.endTime ? <ClockTime at={times.end} text={formatTime(times.endTime)} /> : null;
  if (!end) {
    return (
      <>
        {first}, {start}
      </>
    );
  }
  return times.lastDay === times.firstDay ? (
    <>
      {first}, {start} to {end}
    </>
  ) : (
    <>
      {first}, {start} to <Time date={times.lastDay} data={data} />, {end}
    </>
  );
}
