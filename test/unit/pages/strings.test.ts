import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { en } from "../../../pages/shared/strings-en.ts";
import { es } from "../../../pages/shared/strings-es.ts";

const pagesDir = resolve(fileURLToPath(import.meta.url), "../../../../pages");
const keysIn = (file: string) =>
  [...readFileSync(resolve(pagesDir, file), "utf8").matchAll(/data-i18n(?:-placeholder)?="([^"]+)"/g)].map(
    (match) => match[1] as string,
  );
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("page strings", () => {
  it("every label the HTML pages name exists in English", () => {
    // prepare
    const keys = [
      ...keysIn("customer/index.html"),
      ...keysIn("agent/index.html"),
      ...keysIn("supervisor/index.html"),
    ];

    // assess
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((key) => !(key in en))).toEqual([]);
  });

  it("Spanish has every English key, with the same placeholders, and is actually translated", () => {
    const entries = Object.entries(en) as [keyof typeof en, string][];
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of entries) expect(placeholders(es[key]), key).toEqual(placeholders(text));
    const same = entries.filter(([key, text]) => es[key] === text).map(([key]) => key);
    // Names that read the same in both languages only.
    expect(
      same.every((key) =>
        [
          "segment.consumer",
          "role.supervisor",
          "agent.chats",
          "agent.offerFrom",
          "supervisor.seconds",
          "supervisor.none",
          "supervisor.chatRow",
        ].includes(key),
      ),
    ).toBe(true);
  });
});
