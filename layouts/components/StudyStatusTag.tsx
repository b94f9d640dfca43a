import type { StudyStatus } from "../../src/studies/schema.ts";
import { STATUS_DISPLAY } from "../../src/studies/status.ts";

/** A study's shown status as nhsuk-frontend's tag. */
export function StudyStatusTag({ status }: { status: StudyStatus }) {
  const display = STATUS_DISPLAY[status];
  return <strong class={`nhsuk-tag ${display.tagClass}`}>{display.label}</strong>;
}
