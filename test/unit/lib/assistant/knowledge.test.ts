import { describe, expect, it } from "vitest";
import { knowledgeFor } from "../../../../functions/lib/assistant/knowledge.ts";
import type { Language } from "../../../../functions/lib/assistant/types.ts";

const LANGUAGES: Language[] = ["en", "es"];

describe("knowledgeFor", () => {
  it("gives the Fair Credit Billing Act timeline with the dispute answer", () => {
    // Prepare
    const knowledge = knowledgeFor("en");

    // Act
    const answer = knowledge.answers.dispute;

    // Assess
    expect(answer).toContain("Fair Credit Billing Act");
    expect(answer).toContain("60 days from the statement date");
    expect(answer).toContain("within 30 days");
    expect(answer).toContain("two billing cycles");
    expect(answer).toContain("not more than 90 days");
  });

  it("gives the same timeline in Spanish", () => {
    // Prepare
    const knowledge = knowledgeFor("es");

    // Act
    const answer = knowledge.answers.dispute;

    // Assess
    expect(answer).toContain("60 días a partir de la fecha del estado de cuenta");
    expect(answer).toContain("30 días");
    expect(answer).toContain("dos ciclos de facturación");
    expect(answer).toContain("90 días");
  });

  it("lists everything chat never asks for and how verification works", () => {
    // Prepare
    const knowledge = knowledgeFor("en");

    // Act
    const answer = knowledge.neverAsksFor;

    // Assess
    for (const item of [
      "full card number",
      "4-digit security code",
      "full Social Security number",
      "one-time passcodes",
      "passwords",
      "last 4 digits",
      "ZIP code",
    ]) {
      expect(answer).toContain(item);
    }
  });

  it("says chat is open 24/7 for US consumer and small business cardmembers, in Spanish too", () => {
    // Prepare
    const english = knowledgeFor("en");
    const spanish = knowledgeFor("es");

    // Act
    const answers = [english.availability, spanish.availability];

    // Assess
    expect(answers[0]).toContain("24 hours a day, 7 days a week");
    expect(answers[0]).toContain("small business");
    expect(answers[0]).toContain("Spanish");
    expect(answers[1]).toContain("24 horas");
    expect(answers[1]).toContain("español");
  });

  it("tells a customer with a lost card that we can lock it and send a replacement", () => {
    // Prepare
    const knowledge = knowledgeFor("en");

    // Act
    const answer = knowledge.answers["card-services"];

    // Assess
    expect(answer).toContain("lock it right away");
    expect(answer).toContain("replacement");
  });

  it("promises a case number for a complaint", () => {
    // Prepare
    const knowledge = knowledgeFor("en");

    // Act
    const answer = knowledge.answers.complaint;

    // Assess
    expect(answer).toContain("log your complaint");
    expect(answer).toContain("case number");
  });

  it.each(LANGUAGES)("tells a fraud victim to call now, with or without a number (%s)", (language) => {
    // Prepare
    const knowledge = knowledgeFor(language);

    // Act
    const withNumber = knowledge.fraudNow("1-800-528-4800");
    const withoutNumber = knowledge.fraudNow(undefined);

    // Assess
    expect(withNumber).toContain("1-800-528-4800");
    expect(withoutNumber).not.toMatch(/\d{3}/);
    expect(withoutNumber).toMatch(/back of your card|reverso de su tarjeta/);
  });

  it.each(LANGUAGES)("keeps every answer plain: no emoji, no tables, no line breaks (%s)", (language) => {
    // Prepare
    const knowledge = knowledgeFor(language);

    // Act
    const texts = [...Object.values(knowledge.answers), knowledge.availability, knowledge.neverAsksFor];

    // Assess
    for (const text of texts) {
      expect(text).not.toMatch(/\p{Extended_Pictographic}|\||\n/u);
    }
  });
});
