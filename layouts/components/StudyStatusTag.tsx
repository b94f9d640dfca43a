import type { StudyStatus } from "../../src/content/types/study/schema.ts";
import { STATUS_DISPLAY } from "../../src/content/types/study/status.ts";

/** A study's shown status as nhsuk-frontend's tag. */
export function StudyStatusTag({ status }: { status: StudyStatus }) {
  const display = STATUS_DISPLAY[status];
  return <strong class={`nhsuk-tag ${display.tagClass}`}>{display.label}</strong>;
}
