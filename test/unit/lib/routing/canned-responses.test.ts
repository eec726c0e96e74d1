import { describe, expect, it } from "vitest";
import {
  cannedResponsesFor,
  placeholderValues,
} from "../../../../functions/lib/canned/list-canned-responses.ts";
import { fillPlaceholders, placeholdersIn } from "../../../../functions/lib/routing/canned-responses.ts";
import {
  parseRoutingConfig,
  RoutingConfigError,
} from "../../../../functions/lib/routing/parse-routing-config.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";
import { chatRecord } from "../../support/fixtures.ts";
import { minimalConfig } from "./routing-fixtures.ts";

const response = (fields: Record<string, unknown> = {}) => ({
  id: "closing",
  language: "en",
  title: "Closing",
  text: "Thanks, {customer.firstName}. This was {agent.name}.",
  ...fields,
});

function problemsOf(raw: unknown): string {
  try {
    parseRoutingConfig(raw);
  } catch (error) {
    if (error instanceof RoutingConfigError) return error.message;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("canned responses in the routing configuration", () => {
  it("accepts known placeholders and reads a missing queues as every queue", () => {
    // Act
    const config = parseRoutingConfig(minimalConfig({ cannedResponses: [response()] }));

    // Assess
    expect(config.cannedResponses).toEqual([{ ...response(), queues: "*" }]);
  });

  it.each([
    [response({ text: "Hi {customer.firstname}" }), 'unknown placeholder "{customer.firstname}"'],
    [response({ title: "For {customer.lastName}" }), 'unknown placeholder "{customer.lastName}"'],
    [response({ queues: ["nowhere"] }), 'there is no queue "nowhere"'],
    [response({ language: "EN" }), "ISO 639"],
  ])("refuses %j at synth", (bad, message) => {
    // Act
    const problems = problemsOf(minimalConfig({ cannedResponses: [bad] }));

    // Assess
    expect(problems).toContain(message);
  });

  it("refuses two responses with one id in one language, and allows it across languages", () => {
    // Act
    const problems = problemsOf(
      minimalConfig({ cannedResponses: [response(), response({ title: "Again" })] }),
    );
    const config = parseRoutingConfig(
      minimalConfig({ cannedResponses: [response(), response({ language: "es" })] }),
    );

    // Assess
    expect(problems).toContain('duplicate canned response "en/closing"');
    expect(config.cannedResponses).toHaveLength(2);
  });

  it("ships dispute, verification, fraud and closing responses in English and Spanish", () => {
    // Act
    const shipped = parseRoutingConfig(defaultRouting).cannedResponses;

    // Assess
    for (const language of ["en", "es"])
      expect(shipped.filter((item) => item.language === language).map((item) => item.id)).toEqual(
        expect.arrayContaining(["dispute-documents", "verification", "fraud-number", "closing"]),
      );
  });
});

describe("filling placeholders", () => {
  it("fills every placeholder, and gives nothing when the chat lacks a value", () => {
    // Act
    const filled = fillPlaceholders("Case {caseNumber} for {customer.firstName}", {
      caseNumber: "CC-1",
      "customer.firstName": "Ana",
    });
    const missing = fillPlaceholders("Case {caseNumber}", { "customer.firstName": "Ana" });

    // Assess
    expect(filled).toBe("Case CC-1 for Ana");
    expect(missing).toBeUndefined();
    expect(placeholdersIn("{a} and {b.c}")).toEqual(["a", "b.c"]);
  });

  it("picks the chat's language and queue, with the customer's first name and the agent's name", () => {
    // Prepare
    const routing = parseRoutingConfig(
      minimalConfig({
        cannedResponses: [
          response(),
          response({ language: "es", text: "Gracias, {customer.firstName}." }),
          response({ id: "case", text: "Your case is {caseNumber}." }),
          response({ id: "elsewhere", queues: ["general"], text: "Only for general." }),
        ],
      }),
    );
    const chat = chatRecord({ customer: { ...chatRecord().customer, name: "Ana María Lopez" } });

    // Act
    const here = cannedResponsesFor(routing, chat, "general", placeholderValues(chat, "Sam"));
    const elsewhere = cannedResponsesFor(routing, chat, "other", placeholderValues(chat, "Sam"));
    const withCase = cannedResponsesFor(
      routing,
      { ...chat, caseNumber: "CC-261201-7K3M9Q" },
      "other",
      placeholderValues({ ...chat, caseNumber: "CC-261201-7K3M9Q" }, "Sam"),
    );

    // Assess
    expect(here.map((item) => item.text)).toEqual(["Thanks, Ana. This was Sam.", "Only for general."]);
    expect(elsewhere.map((item) => item.id)).toEqual(["closing"]);
    expect(withCase.map((item) => item.text)).toContain("Your case is CC-261201-7K3M9Q.");
  });
});
