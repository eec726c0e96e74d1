import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChatStore } from "../../../../functions/lib/data/chat-store.ts";
import { clientMessageSk } from "../../../../functions/lib/data/keys.ts";
import { updatePath } from "../../../../functions/lib/data/update-path.ts";

describe("updatePath", () => {
  it("keeps everything after the first dot as one map key", () => {
    // Prepare
    const names: Record<string, string> = {};

    // Act
    const path = updatePath("participants.bo.agent@bank.example", "#f0", names);

    // Assess
    expect(path).toBe("#f0_0.#f0_1");
    expect(names).toEqual({ "#f0_0": "participants", "#f0_1": "bo.agent@bank.example" });
  });

  it("puts any id into a placeholder, never into the expression (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 128 }), (sub) => {
        // Prepare
        const names: Record<string, string> = {};

        // Act
        const path = updatePath(`participants.${sub}`, "#r3", names);

        // Assess
        expect(path).toBe("#r3_0.#r3_1");
        expect(names["#r3_1"]).toBe(sub);
      }),
    );
  });
});

describe("ChatStore.updateItem", () => {
  it("builds SET and REMOVE paths for participant ids holding dots, #, @ and non-ASCII", () => {
    // Prepare
    const store = new ChatStore({} as never, "table");

    // Act
    const item = store.updateItem("chat-1", {
      set: { state: "assigned", "participants.bo.agent@bank.example": { role: "agent" } },
      remove: ["queue", "participants.josé#1.x"],
      fromStates: ["queued"],
    });

    // Assess
    const update = item.Update;
    expect(update?.UpdateExpression).toBe(
      "SET updatedAt = :now, #f0_0 = :v0, #f1_0.#f1_1 = :v1 REMOVE #r0_0, #r1_0.#r1_1",
    );
    expect(update?.ExpressionAttributeNames).toMatchObject({
      "#f1_0": "participants",
      "#f1_1": "bo.agent@bank.example",
      "#r1_1": "josé#1.x",
    });
  });
});

describe("clientMessageSk", () => {
  it("gives two senders different keys even when their ids and message ids share a spelling", () => {
    // Act
    const customer = clientMessageSk("a#b", "c");
    const agent = clientMessageSk("a", "b#c");

    // Assess
    expect(customer).not.toBe(agent);
  });

  it("never collides for distinct (sender, message id) pairs (property)", () => {
    const part = fc.string({ unit: fc.constantFrom("a", "#", "%", "2", "3"), maxLength: 6 });
    fc.assert(
      fc.property(part, part, part, part, (s1, m1, s2, m2) => {
        fc.pre(s1 !== s2 || m1 !== m2);
        expect(clientMessageSk(s1, m1)).not.toBe(clientMessageSk(s2, m2));
      }),
      { numRuns: 5_000 },
    );
  });

  it("keeps the plain key for ids without # or %", () => {
    // Act
    const key = clientMessageSk("bo.agent@bank.example", "m-1");

    // Assess
    expect(key).toBe("CMID#bo.agent@bank.example#m-1");
  });
});
