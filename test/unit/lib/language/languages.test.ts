import { describe, expect, it } from "vitest";
import { LANGUAGES, languageFromLocale, sameLanguage } from "../../../../functions/lib/language/languages.ts";
import { wordingFor } from "../../../../functions/lib/language/wording/index.ts";
import { formatWait } from "../../../../functions/lib/queueing/format-wait.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/parse-routing-config.ts";
import { routeChat } from "../../../../functions/lib/routing/route-chat.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

describe("languages", () => {
  it.each([
    ["en-US", "en"],
    ["es-MX", "es"],
    ["es_US", "es"],
    ["ja-JP", "ja"],
    ["JA", "ja"],
    ["fr-FR", "en"],
    ["", "en"],
  ])("reads the locale %j as %s", (locale, expected) => {
    // Act
    const language = languageFromLocale(locale);

    // Assess
    expect(language).toBe(expected);
  });

  it("treats regional variants as one language for agents", () => {
    // Act
    const same = [sameLanguage("es", "es-MX"), sameLanguage("JA", "ja"), sameLanguage("en", "es")];

    // Assess
    expect(same).toEqual([true, true, false]);
  });

  it("has its own wording in every language, not English copied", () => {
    // Prepare
    const english = wordingFor("en");

    // Act
    const copied = LANGUAGES.filter((language) => language !== "en").filter(
      (language) =>
        wordingFor(language).handoff.failed === english.handoff.failed ||
        wordingFor(language).assistant.offerAgent === english.assistant.offerAgent,
    );

    // Assess
    expect(copied).toEqual([]);
    expect(formatWait(180, "ja")).toBe("約3分");
    expect(wordingFor("ja").handoff.joined("佐藤")).toBe("佐藤がチャットに参加しました。");
  });

  it("routes a Japanese-speaking customer in Japan to the shipped Japanese queue", () => {
    // Prepare
    const shipped = parseRoutingConfig(defaultRouting);

    // Act
    const decision = routeChat(shipped, {
      country: "JP",
      language: languageFromLocale("ja-JP"),
      segment: "consumer",
    });

    // Assess
    expect(decision.queueId).toBe("jp-general-ja");
  });
});
