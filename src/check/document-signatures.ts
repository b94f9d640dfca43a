import { closeSync, openSync, readSync } from "node:fs";
import { DOCUMENT_LABELS, DOCUMENT_MIME_TYPES, type DocumentType } from "../media/documents.ts";

/**
 * Editors' documents are published on the site's own origin, so, like images
 * (file-signatures.ts), each is allowed by what its bytes are and not only by its
 * name: an HTML page named `report.pdf` is refused before any host could sniff it.
 */

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** A CSV this large is read whole to look for NUL bytes; larger ones are refused as not plain text. */
const CSV_LIMIT = 32 * 1024 * 1024;

function readAll(file: string, limit: number): Uint8Array | undefined {
  const descriptor = openSync(file, "r");
  try {
    const buffer = new Uint8Array(limit + 1);
    let total = 0;
    for (;;) {
      const read = readSync(descriptor, buffer, total, buffer.length - total, total);
      if (read === 0) break;
      total += read;
      if (total > limit) return undefined;
    }
    return buffer.subarray(0, total);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Why a file's bytes are not the document type its name says, or undefined when they are.
 * PDF starts `%PDF-`; DOCX, XLSX, PPTX and ODT are zip files (`PK\x03\x04`), and an ODT's
 * first zip entry is its `mimetype`; a CSV is text: valid UTF-8 without NUL bytes, not
 * starting like markup.
 */
export function documentProblem(file: string, type: DocumentType): string | undefined {
  const label = DOCUMENT_LABELS[type];
  if (type === "csv") {
    const bytes = readAll(file, CSV_LIMIT);
    if (!bytes) return `is larger than ${CSV_LIMIT / 1024 / 1024} MB, too large for a CSV file the site publishes: split it, or publish it as a spreadsheet`;
    if (bytes.includes(0)) return "is named as a CSV file but is not plain text: save it again as CSV (comma separated values)";
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return 'is a CSV file that is not UTF-8 text: save it again as "CSV UTF-8"';
    }
    // A CSV is never markup; one that starts like HTML is a page under a CSV name.
    if (/^\uFEFF?\s*</.test(text)) return "is named as a CSV file but its contents look like a web page: save the table again as CSV";
    return undefined;
  }
  const start = firstBytes(file, 128);
  if (type === "pdf")
    return ascii(start, 0, 5) === "%PDF-" ? undefined : `is named as a ${label} but its contents are not a PDF: export or print the document to PDF again`;
  const zip = start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04;
  if (!zip) return `is named as a${/^[AEIOU]/.test(label) ? "n" : ""} ${label} but its contents are not one: save it again from the program that made it`;
  if (type === "odt") {
    // ODF requires an uncompressed first entry named "mimetype" holding the type.
    const nameLength = start[26] ?? 0;
    const name = ascii(start, 30, 30 + nameLength);
    const extra = (start[28] ?? 0) + ((start[29] ?? 0) << 8);
    const value = ascii(start, 30 + nameLength + extra, 30 + nameLength + extra + DOCUMENT_MIME_TYPES.odt.length);
    if (name !== "mimetype" || value !== DOCUMENT_MIME_TYPES.odt) return "is named as an OpenDocument text but its contents are not one: save it again as .odt";
  }
  return undefined;
}

function firstBytes(file: string, length: number): Uint8Array {
  const buffer = new Uint8Array(length);
  const descriptor = openSync(file, "r");
  try {
    return buffer.subarray(0, readSync(descriptor, buffer, 0, length, 0));
  } finally {
    closeSync(descriptor);
  }
}
