import { describe, expect, it } from "vitest";
import type { CustomerIdentity } from "../../../../functions/lib/auth/identity.ts";
import { requestVerification } from "../../../../functions/lib/verification/request-verification.ts";
import { verify } from "../../../../functions/lib/verification/verify.ts";
import { assignedChat, customer, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";
import type { MemoryVerificationStore } from "../../support/memory-secure-steps.ts";

const agent = staff("agent-1");
const verifiable: CustomerIdentity = { ...customer, address: { postal_code: "94107" } };

async function askedWorld(chatIds = ["chat-1"]) {
  const world = inMemoryWorld();
  const customerCaller = world.connect(verifiable);
  const agentCaller = world.connect(agent);
  const asked: Record<string, string> = {};
  for (const chatId of chatIds) {
    world.seedChat(assignedChat(agent, { chatId }), [customerCaller, agentCaller]);
    const reply = await requestVerification(world.ports, agentCaller, {
      action: "requestVerification",
      chatId,
    });
    asked[chatId] = reply.verificationId;
  }
  return { world, customerCaller, agentCaller, asked };
}

const answer = (chatId: string, verificationId: string, last4: string, postalCode: string) =>
  ({ action: "verify", requestId: "r", chatId, verificationId, last4, postalCode }) as const;

describe("verify", () => {
  it("verifies matching answers, tells the agent, and records only the outcome on the chat", async () => {
    // Prepare
    const { world, customerCaller, asked } = await askedWorld();

    // Act
    const result = await verify(
      world.ports,
      customerCaller,
      answer("chat-1", asked["chat-1"] ?? "", "1234", "94107"),
    );

    // Assess
    expect(result).toMatchObject({ outcome: "verified", requestId: "r" });
    const chat = await world.ports.chats.get("chat-1");
    expect(chat?.verification).toMatchObject({ outcome: "verified" });
    const toAgent = world.sender.sent.filter((sent) => sent.userId === agent.sub).map((sent) => sent.frame);
    expect(toAgent).toContainEqual(
      expect.objectContaining({ type: "verificationResult", outcome: "verified" }),
    );
    expect(JSON.stringify([chat, world.sender.sent])).not.toContain("94107");
  });

  it("locks the customer after three failures in any of their chats, and then compares nothing", async () => {
    // Prepare
    const { world, customerCaller, asked } = await askedWorld(["chat-1", "chat-2"]);
    let comparisons = 0;
    const profiles = world.ports.profiles;
    const counting = {
      ...world.ports,
      profiles: {
        matches: (...args: Parameters<typeof profiles.matches>) => {
          comparisons += 1;
          return profiles.matches(...args);
        },
      },
    };

    // Act
    const first = await verify(
      counting,
      customerCaller,
      answer("chat-1", asked["chat-1"] ?? "", "0000", "00000"),
    );
    const second = await verify(
      counting,
      customerCaller,
      answer("chat-1", asked["chat-1"] ?? "", "1111", "11111"),
    );
    const third = await verify(
      counting,
      customerCaller,
      answer("chat-2", asked["chat-2"] ?? "", "2222", "22222"),
    );
    const right = await verify(
      counting,
      customerCaller,
      answer("chat-2", asked["chat-2"] ?? "", "1234", "94107"),
    );

    // Assess
    expect([first.outcome, second.outcome, third.outcome, right.outcome]).toEqual([
      "failed",
      "failed",
      "locked",
      "locked",
    ]);
    expect(third.contactNumber).toBeTruthy();
    expect(comparisons).toBe(3);
    const locks = (world.ports.verifications as MemoryVerificationStore).locks;
    expect(locks.get(verifiable.sub)).toMatchObject({ failures: 3 });
  });

  it("refuses staff and strangers, and a request the agent never made", async () => {
    // Prepare
    const { world, agentCaller, asked } = await askedWorld();
    const stranger = world.connect({ ...verifiable, sub: "someone-else" });
    const customerCaller = world.connect(verifiable, "conn-2");

    // Act
    const byAgent = verify(
      world.ports,
      agentCaller,
      answer("chat-1", asked["chat-1"] ?? "", "1234", "94107"),
    );
    const byStranger = verify(
      world.ports,
      stranger,
      answer("chat-1", asked["chat-1"] ?? "", "1234", "94107"),
    );
    const unknown = verify(world.ports, customerCaller, answer("chat-1", "never-asked", "1234", "94107"));
    const byCustomerAsking = requestVerification(world.ports, customerCaller, {
      action: "requestVerification",
      chatId: "chat-1",
    });

    // Assess
    await expect(byAgent).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(byStranger).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(unknown).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(byCustomerAsking).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
