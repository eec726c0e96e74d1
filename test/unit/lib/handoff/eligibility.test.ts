import { describe, expect, it } from "vitest";
import { isEligible } from "../../../../functions/lib/handoff/dispatcher.ts";
import { handedOffBy, mayTake } from "../../../../functions/lib/handoff/eligibility.ts";
import { agentRecord, queueEntry, staff } from "../../support/fixtures.ts";

const everywhere = (sub: string, role: "agent" | "supervisor" = "agent") =>
  agentRecord(staff(sub, { role, queues: ["*"] }));

describe("mayTake (the routing rules of contract v2)", () => {
  it("keeps a supervisor queue's chat from agents, even agents serving every queue", () => {
    // Prepare
    const entry = queueEntry({ queueId: "supervisors", supervisorsOnly: true });

    // Act
    const agent = mayTake(everywhere("agent-1"), entry);
    const supervisor = mayTake(everywhere("super-1", "supervisor"), entry);

    // Assess
    expect(agent).toBe(false);
    expect(supervisor).toBe(true);
  });

  it("never gives a chat back to anyone who handed it off", () => {
    // Prepare
    const entry = queueEntry({ handedOffBy: ["agent-1", "super-1"] });

    // Act
    const taken = ["agent-1", "super-1", "agent-2"].map((sub) =>
      mayTake(everywhere(sub, sub.startsWith("super") ? "supervisor" : "agent"), entry),
    );

    // Assess
    expect(taken).toEqual([false, false, true]);
  });

  it("lets anyone take an ordinary entry", () => {
    // Prepare
    const entry = queueEntry();

    // Act
    const taken = mayTake(everywhere("agent-1"), entry);

    // Assess
    expect(taken).toBe(true);
  });
});

describe("isEligible with the v2 rules", () => {
  it("refuses an available * agent with free slots for a supervisor queue and for a chat they handed off", () => {
    // Prepare
    const agent = everywhere("agent-1");

    // Act
    const supervisorQueue = isEligible(agent, queueEntry({ queueId: "supervisors", supervisorsOnly: true }));
    const handedOff = isEligible(agent, queueEntry({ handedOffBy: ["agent-1"] }));
    const ordinary = isEligible(agent, queueEntry());

    // Assess
    expect([supervisorQueue, handedOff, ordinary]).toEqual([false, false, true]);
  });
});

describe("handedOffBy", () => {
  it.each<[string[] | undefined, string | undefined, string[]]>([
    [undefined, undefined, []],
    [undefined, "agent-1", ["agent-1"]],
    [["agent-1"], "agent-2", ["agent-1", "agent-2"]],
    [["agent-1"], "agent-1", ["agent-1"]],
    [["agent-1"], undefined, ["agent-1"]],
  ])("from %o and %s gives %o", (previous, from, expected) => {
    // Prepare
    // Act
    const all = handedOffBy(previous, from);

    // Assess
    expect(all).toEqual(expected);
  });
});
