import { describe, expect, it } from "vitest";
import {
  asksForAgent,
  classifyTopic,
  detectLanguage,
  languageFromLocale,
} from "../../../../functions/lib/assistant/classify-topic.ts";
import type { Topic } from "../../../../functions/lib/assistant/types.ts";

describe("classifyTopic", () => {
  it.each<[string, Topic]>([
    ["When is my due date?", "billing"],
    ["Can I change my payment date to the 20th?", "billing"],
    ["I was charged a late fee because of a bank posting delay", "billing"],
    ["Could you give me a goodwill credit?", "billing"],
    ["I want to dispute a charge", "dispute"],
    ["There is a charge I don't recognise on my statement", "dispute"],
    ["I was charged twice, it's a duplicate", "dispute"],
    ["I never received the shoes I ordered", "dispute"],
    ["I lost my card", "card-services"],
    ["My card was stolen at the gym", "card-services"],
    ["My card is damaged and needs a replacement", "card-services"],
    ["Please lock my card", "card-services"],
    ["Is my card in Apple Pay?", "card-services"],
    ["I never received my replacement card", "card-services"],
    ["How many Membership Rewards points do I have?", "rewards"],
    ["Can I use Pay with Points?", "rewards"],
    ["How do I get lounge access?", "rewards"],
    ["I didn't get my statement credit for streaming", "rewards"],
    ["I want to add an authorized user", "account-changes"],
    ["I need to update my address", "account-changes"],
    ["Please change my contact info", "account-changes"],
    ["Am I eligible for a credit limit increase?", "credit"],
    ["What is my APR?", "credit"],
    ["I'd like to upgrade my card", "credit"],
    ["I need help with my travel booking", "travel"],
    ["Can you check my itinerary?", "travel"],
    ["Does my trip protection cover a cancelled flight?", "travel"],
    ["Someone is using my card right now", "fraud"],
    ["There are unauthorized charges happening now", "fraud"],
    ["I think this is fraud", "fraud"],
    ["I want to file a complaint", "complaint"],
    ["I want to make a formal complaint about a late fee", "complaint"],
    ["I want to talk to a live agent", "agent-request"],
    ["Can I speak with a human?", "agent-request"],
    ["Representative please", "agent-request"],
    ["Let me talk to a person", "agent-request"],
    ["Good morning", "general"],
  ])("classifies the English %j as %s", (text, topic) => {
    // Prepare
    const message = text;

    // Act
    const result = classifyTopic(message);

    // Assess
    expect(result.topic).toBe(topic);
  });

  it.each<[string, Topic]>([
    ["¿Cuál es mi fecha de vencimiento?", "billing"],
    ["Quiero hacer un pago", "billing"],
    ["Me cobraron un cargo por mora", "billing"],
    ["Quiero abrir una disputa", "dispute"],
    ["Tengo un cargo duplicado", "dispute"],
    ["No recibí el producto que compré", "dispute"],
    ["No reconozco este cargo", "dispute"],
    ["Tengo una tarjeta perdida", "card-services"],
    ["Me robaron la tarjeta", "card-services"],
    ["Quiero bloquear mi tarjeta", "card-services"],
    ["¿Cuántos puntos tengo?", "rewards"],
    ["Quiero canjear mis recompensas", "rewards"],
    ["Quiero agregar un usuario autorizado", "account-changes"],
    ["Necesito cambiar mi dirección", "account-changes"],
    ["Quiero un aumento de mi límite de crédito", "credit"],
    ["Necesito ayuda con mi viaje", "travel"],
    ["Quiero cambiar mi reserva de hotel", "travel"],
    ["Creo que es fraude", "fraud"],
    ["Alguien está usando mi tarjeta ahora mismo", "fraud"],
    ["Quiero presentar una queja", "complaint"],
    ["Tengo un reclamo por mal servicio", "complaint"],
    ["Quiero hablar con un agente", "agent-request"],
    ["Necesito hablar con una persona", "agent-request"],
    ["Páseme con un representante", "agent-request"],
    ["Buenas tardes", "general"],
  ])("classifies the Spanish %j as %s", (text, topic) => {
    // Prepare
    const message = text;

    // Act
    const result = classifyTopic(message);

    // Assess
    expect(result.topic).toBe(topic);
  });

  it("reads the guide's example, a past charge the customer didn't authorize, as a dispute and not fraud", () => {
    // Prepare
    const text = "I want to dispute a $127.43 charge from XYZ Store on 08/15 that I didn't authorize";

    // Act
    const result = classifyTopic(text);

    // Assess
    expect(result).toEqual({ topic: "dispute", confidence: 1 });
  });

  it("puts fraud first when a stolen card is being used right now", () => {
    // Prepare
    const text = "My card was stolen and someone is using my card right now";

    // Act
    const result = classifyTopic(text);

    // Assess
    expect(result.topic).toBe("fraud");
  });

  it("prefers the subject over the agent request when the customer says both", () => {
    // Prepare
    const text = "I want to talk to an agent about a duplicate charge";

    // Act
    const result = classifyTopic(text);

    // Assess
    expect(result.topic).toBe("dispute");
    expect(asksForAgent(text)).toBe(true);
  });

  it("has no confidence when nothing matched and less confidence when topics compete", () => {
    // Prepare
    const nothing = "hello there";
    const mixed = "My address changed and I need a replacement card";

    // Act
    const none = classifyTopic(nothing);
    const split = classifyTopic(mixed);

    // Assess
    expect(none).toEqual({ topic: "general", confidence: 0 });
    expect(split.confidence).toBeGreaterThan(0);
    expect(split.confidence).toBeLessThan(1);
  });

  it("does not mistake paying right now for fraud", () => {
    // Prepare
    const text = "I want to make a payment right now";

    // Act
    const result = classifyTopic(text);

    // Assess
    expect(result.topic).toBe("billing");
  });
});

describe("asksForAgent", () => {
  it.each([
    ["live agent", true],
    ["I want a human", true],
    ["Can I talk to a person?", true],
    ["Quiero un agente", true],
    ["¿Puedo hablar con una persona?", true],
    ["Comuníqueme con un representante", true],
    ["I lost my card", false],
    ["Mi tarjeta fue robada", false],
    ["My travel agent booked the flight", false],
  ])("answers %j with %s", (text, expected) => {
    // Prepare
    const message = text;

    // Act
    const result = asksForAgent(message);

    // Assess
    expect(result).toBe(expected);
  });
});

describe("detectLanguage", () => {
  it.each([
    ["Hola, quiero disputar un cargo", "es"],
    ["¿Dónde está mi tarjeta?", "es"],
    ["Hi, I want to dispute a charge", "en"],
    ["My card was declined", "en"],
  ])("detects %j as %s", (text, expected) => {
    // Prepare
    const message = text;

    // Act
    const result = detectLanguage(message);

    // Assess
    expect(result).toBe(expected);
  });

  it("keeps the fallback when a short reply has no evidence either way", () => {
    // Prepare
    const reply = "Amazon 1234";

    // Act
    const result = detectLanguage(reply, "es");

    // Assess
    expect(result).toBe("es");
  });

  it.each([
    ["es-MX", "es"],
    ["es", "es"],
    ["es_US", "es"],
    ["en-US", "en"],
    ["fr-CA", "en"],
  ])("maps the locale %s to %s", (locale, expected) => {
    // Prepare
    const tag = locale;

    // Act
    const result = languageFromLocale(tag);

    // Assess
    expect(result).toBe(expected);
  });
});
