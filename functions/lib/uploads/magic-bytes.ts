/**
 * What a file is, judged by its first bytes rather than by its name or the Content-Type the browser
 * claimed (both are the sender's to choose). Only the types carechat accepts are recognised.
 */
export const ACCEPTED_CONTENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type AcceptedContentType = (typeof ACCEPTED_CONTENT_TYPES)[number];

/** How many leading bytes detection needs. */
export const MAGIC_BYTES_NEEDED = 8;

const SIGNATURES: ReadonlyArray<{ type: AcceptedContentType; bytes: readonly number[] }> = [
  // "%PDF-"
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // \x89 "PNG" \r \n \x1a \n
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // SOI marker followed by the first marker's 0xFF
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

export function detectContentType(head: Uint8Array): AcceptedContentType | undefined {
  return SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => head[index] === byte))?.type;
}

/** The file-name extension that goes with a detected type, for the download's name. */
export const EXTENSIONS: Readonly<Record<AcceptedContentType, string>> = {
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
};
