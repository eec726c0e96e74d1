import { describe, expect, it } from "vitest";
import { Ledger } from "../../../../bench/load/accounting.ts";

/** A chat with a customer owed everything and an agent owed messages from seq 3. */
function chatLedger() {
  const ledger = new Ledger();
  ledger.member("customer", "c1", 1);
  ledger.member("agent", "c1", 3);
  return ledger;
}

describe("the load generator's ledger", () => {
  it("counts a message acked and received by everyone owed it as delivered, with latencies to the others", () => {
    // Prepare
    const ledger = chatLedger();

    // Act
    ledger.sent("c1", "m1", "customer", 1_000);
    ledger.answered("c1", "m1", { kind: "ack", seq: 3, at: 1_020 });
    ledger.delivered("customer", "c1", 3, 1_030);
    ledger.delivered("agent", "c1", 3, 1_050);

    // Assess
    expect(ledger.summary()).toMatchObject({
      attempts: 1,
      acked: 1,
      delivered: 1,
      lost: 0,
      duplicated: 0,
      reordered: 0,
      latency: { p50: 50, count: 1 },
    });
    expect(ledger.settled()).toBe(true);
  });

  it("counts an acked message a participant never received as lost, once, however many missed it", () => {
    // Prepare
    const ledger = chatLedger();
    ledger.member("laptop", "c1", 1);

    // Act
    ledger.sent("c1", "m1", "customer", 0);
    ledger.answered("c1", "m1", { kind: "ack", seq: 4, at: 5 });
    ledger.delivered("customer", "c1", 4, 6);

    // Assess
    expect(ledger.summary()).toMatchObject({ lost: 1, missedDeliveries: 2, delivered: 0 });
    expect(ledger.settled()).toBe(false);
  });

  it("owes a participant nothing before the seq it joined from (an agent's history)", () => {
    // Prepare
    const ledger = chatLedger();

    // Act
    ledger.sent("c1", "early", "customer", 0);
    ledger.answered("c1", "early", { kind: "ack", seq: 2, at: 1 });
    ledger.delivered("customer", "c1", 2, 2);

    // Assess
    expect(ledger.summary()).toMatchObject({ lost: 0, delivered: 1 });
  });

  it("counts a send with neither ack nor error as unanswered and lost; an error is neither", () => {
    // Prepare
    const ledger = chatLedger();

    // Act
    ledger.sent("c1", "silent", "customer", 0);
    ledger.sent("c1", "refused", "customer", 0);
    ledger.answered("c1", "refused", { kind: "error", code: "RATE_LIMITED", at: 1 });

    // Assess
    expect(ledger.summary()).toMatchObject({
      unanswered: 1,
      lost: 1,
      acked: 0,
      errors: { RATE_LIMITED: 1 },
    });
  });

  it("keeps the ack of a retried message, counts each attempt, and the error of the first attempt", () => {
    // Prepare
    const ledger = chatLedger();

    // Act
    ledger.sent("c1", "m1", "customer", 0);
    ledger.answered("c1", "m1", { kind: "error", code: "RATE_LIMITED", at: 1 });
    ledger.sent("c1", "m1", "customer", 1_000);
    ledger.answered("c1", "m1", { kind: "ack", seq: 1, at: 1_010 });
    ledger.delivered("customer", "c1", 1, 1_020);

    // Assess
    expect(ledger.summary()).toMatchObject({
      attempts: 2,
      messages: 1,
      acked: 1,
      lost: 0,
      errors: { RATE_LIMITED: 1 },
    });
  });

  it("counts a seq received twice and one clientMessageId acked under two seqs as duplicated", () => {
    // Prepare
    const ledger = chatLedger();

    // Act
    ledger.sent("c1", "m1", "customer", 0);
    ledger.answered("c1", "m1", { kind: "ack", seq: 1, at: 1 });
    ledger.answered("c1", "m1", { kind: "ack", seq: 2, at: 2 });
    ledger.delivered("customer", "c1", 1, 3);
    ledger.delivered("customer", "c1", 1, 4);

    // Assess
    expect(ledger.summary()).toMatchObject({ duplicated: 2, reordered: 0 });
  });

  it("counts a seq below one already received as reordered, per participant and chat", () => {
    // Prepare
    const ledger = chatLedger();
    ledger.member("customer", "c2", 1);

    // Act
    ledger.delivered("customer", "c1", 2, 1);
    ledger.delivered("customer", "c1", 1, 2);
    ledger.delivered("customer", "c2", 1, 3);
    ledger.delivered("agent", "c1", 1, 4);

    // Assess
    expect(ledger.summary()).toMatchObject({ reordered: 1, duplicated: 0 });
  });

  it("keeps other requests' failures apart, by action and code", () => {
    const ledger = new Ledger();
    ledger.requestFailed("startChat", "RATE_LIMITED");
    ledger.requestFailed("startChat", "RATE_LIMITED");
    ledger.requestFailed("acceptChat", "TIMEOUT");
    expect(ledger.summary().requestErrors).toEqual({ "acceptChat:TIMEOUT": 1, "startChat:RATE_LIMITED": 2 });
  });
});

describe("settledFor", () => {
  it("holds once a participant received every acked seq it is owed in that chat", () => {
    const ledger = chatLedger();
    ledger.sent("c1", "m1", "agent", 0);
    ledger.answered("c1", "m1", { kind: "ack", seq: 5, at: 1 });
    ledger.sent("c1", "m0", "customer", 0);
    ledger.answered("c1", "m0", { kind: "error", code: "CHAT_CLOSED", at: 1 });
    expect(ledger.settledFor("customer", "c1")).toBe(false);
    ledger.delivered("customer", "c1", 5, 2);
    expect(ledger.settledFor("customer", "c1")).toBe(true);
    expect(ledger.settledFor("nobody", "c1")).toBe(true);
  });
});
