import type { DocumentInfo } from "../media/catalog.ts";
import { DOCUMENT_LABELS, formatFileSize } from "./signatures.ts";

/** What a link to a document adds to its text, the NHS way: "PDF, 245 KB". */
export function documentLinkText(document: Pick<DocumentInfo, "type" | "bytes">): string {
  return `${DOCUMENT_LABELS[document.type]}, ${formatFileSize(document.bytes)}`;
}
