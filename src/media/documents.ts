/**
 * The kinds of document editors may publish in content/documents/ (the types
 * ../shared/DESIGN.md allows), what a link calls them and how hosts serve them. The check
 * looks at each file's bytes (src/check/document-signatures.ts); the renderer shows a
 * link's type and size from what it read (src/media/catalog.ts).
 */
export type DocumentType = "pdf" | "docx" | "xlsx" | "pptx" | "odt" | "csv";

/** The document types DESIGN.md allows, by lower-case extension. */
export const DOCUMENT_EXTENSIONS: Readonly<Record<string, DocumentType>> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  pptx: "pptx",
  odt: "odt",
  csv: "csv",
};

/** How a link names each type, the NHS way ("PDF, 245 KB"). */
export const DOCUMENT_LABELS: Readonly<Record<DocumentType, string>> = {
  pdf: "PDF",
  docx: "Word document",
  xlsx: "Excel spreadsheet",
  pptx: "PowerPoint presentation",
  odt: "OpenDocument text",
  csv: "CSV",
};

/** The MIME type each is served as; hosts guess from the extension, and nosniff stops them second-guessing. */
export const DOCUMENT_MIME_TYPES: Readonly<Record<DocumentType, string>> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  csv: "text/csv",
};

/** A file size as the NHS writes it beside a link: "245 KB", "1.2 MB" (at least 1 KB). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const megabytes = bytes / 1024 / 1024;
  return `${megabytes < 10 ? megabytes.toFixed(1).replace(/\.0$/, "") : Math.round(megabytes)} MB`;
}

/** What a link to a document adds to its text, the NHS way: "PDF, 245 KB". */
export function documentLinkText(document: { type: DocumentType; bytes: number }): string {
  return `${DOCUMENT_LABELS[document.type]}, ${formatFileSize(document.bytes)}`;
}
