/** A stored file's kind as recognised by its first bytes (never by the name or the sender's Content-Type). */
export interface FileKind {
  type: string;
  ext: string;
  magic: number[];
  /** For zip-based office formats: a part name the zip of that kind carries. */
  part?: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const PDF: FileKind = { type: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }; // %PDF-
export const JPEG: FileKind = { type: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] };
export const PNG: FileKind = { type: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] };
export const DOCX: FileKind = {
  type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ext: 'docx',
  magic: ZIP,
  part: 'word/',
};
export const XLSX: FileKind = {
  type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ext: 'xlsx',
  magic: ZIP,
  part: 'xl/',
};
export const ODT: FileKind = {
  type: 'application/vnd.oasis.opendocument.text',
  ext: 'odt',
  magic: ZIP,
  part: 'application/vnd.oasis.opendocument.text',
};

/** The first of `kinds` the bytes are, or undefined (an empty body is no kind). */
export function recogniseFile(data: Buffer, kinds: readonly FileKind[]): FileKind | undefined {
  if (data.length === 0) return undefined;
  const head = kinds.some((k) => k.part) ? data.subarray(0, Math.min(data.length, 64 * 1024)).toString('latin1') : '';
  return kinds.find((k) => k.magic.every((b, i) => data[i] === b) && (!k.part || head.includes(k.part)));
}
