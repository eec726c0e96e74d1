import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectContentType, MAGIC_BYTES_NEEDED } from "../../../../functions/lib/uploads/magic-bytes.ts";
import { displayName, parseIncomingKey } from "../../../../functions/lib/uploads/upload-policy.ts";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe("detectContentType", () => {
  it.each([
    ["a PDF", text("%PDF-1.7\n%âãÏÓ"), "application/pdf"],
    ["a PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), "image/png"],
    ["a JPEG (JFIF)", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), "image/jpeg"],
    ["a JPEG (Exif)", bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, 0x45, 0x78), "image/jpeg"],
  ])("recognises %s by its first bytes", (_name, head, expected) => {
    // Act
    const detected = detectContentType(head);

    // Assess
    expect(detected).toBe(expected);
  });

  it.each([
    ["a Windows program", bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0)],
    ["a ZIP (an Office document)", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0)],
    ["an HTML page named .pdf", text("<html><script>")],
    ["a GIF", text("GIF89a..")],
    ["a PDF signature not at the start", text(" %PDF-1.4")],
    ["a truncated PNG signature", bytes(0x89, 0x50, 0x4e, 0x47)],
    ["an empty file", bytes()],
  ])("refuses %s", (_name, head) => {
    // Act
    const detected = detectContentType(head);

    // Assess
    expect(detected).toBeUndefined();
  });

  it("never needs more than MAGIC_BYTES_NEEDED bytes: what follows them does not change the verdict", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: MAGIC_BYTES_NEEDED, maxLength: 64 }), (head) => {
        // Act
        const whole = detectContentType(head);
        const start = detectContentType(head.subarray(0, MAGIC_BYTES_NEEDED));

        // Assess
        expect(whole).toBe(start);
      }),
    );
  });
});

describe("upload keys and names", () => {
  it("reads the chat and upload from a staged key, and nothing from any other key", () => {
    // Act
    const staged = parseIncomingKey("incoming/chat-1/0b5e7c2a");
    const others = ["attachments/chat-1/u/abc", "incoming/chat-1", "incoming/chat-1/u/extra", "incoming//u"];

    // Assess
    expect(staged).toEqual({ chatId: "chat-1", uploadId: "0b5e7c2a" });
    for (const key of others) expect(parseIncomingKey(key)).toBeUndefined();
  });

  it("shows a file name without path, control characters or a card number", () => {
    // Act
    const decoded = displayName(encodeURIComponent("Kontoauszug März.pdf"), "document.pdf");
    const pathy = displayName("../../etc/passwd\u0000.pdf", "document.pdf");
    const card = displayName("4111 1111 1111 1111.pdf", "document.pdf");
    const missing = displayName(undefined, "document.pdf");

    // Assess
    expect(decoded).toBe("Kontoauszug März.pdf");
    expect(pathy.includes("/") || pathy.includes("\\") || pathy.includes(String.fromCharCode(0))).toBe(false);
    expect(card).not.toContain("4111 1111 1111 1111");
    expect(missing).toBe("document.pdf");
  });
});
