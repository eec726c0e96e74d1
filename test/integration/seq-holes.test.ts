import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatPk, messageSk } from "../../functions/lib/data/keys.ts";
import { type LocalProcess, startLocalProcess } from "./support/local-process.ts";
import { customerParty, eventually, type SdkParty, seen } from "./support/sdk-clients.ts";
import { getItem, setAttributes } from "./support/table-writes.ts";

/**
 * A seq reserved by an attempt that died before writing its message (message-log.ts) must not hold the
 * clients' in-order delivery for ever: resume closes a settled hole and says so in `resumed.skipped`.
 */
describe("seqs reserved and never filled", { timeout: 120_000 }, () => {
  let stack: LocalProcess;
  const parties: SdkParty[] = [];
  beforeAll(async () => {
    stack = await startLocalProcess();
  }, 120_000);
  afterAll(async () => {
    await Promise.allSettled(parties.map((party) => party.client.close()));
    await stack?.stop();
  });

  const meta = (chatId: string) => ({ pk: chatPk(chatId), sk: "META" });
  const lastSeqOf = async (chatId: string) => Number((await getItem(stack, meta(chatId)))?.lastSeq);

  it("closes a settled hole, delivers what comes after it, and leaves a young hole alone", async () => {
    // Prepare: a chat with the assistant's greeting, then a reservation whose writer died two minutes ago.
    const customer = await customerParty(stack.httpUrl, stack.wsUrl);
    parties.push(customer);
    const { chatId } = await customer.client.startChat({ text: "What is my annual fee?" });
    await eventually(() => seen(customer, chatId).length >= 2, "the assistant's answer");
    const before = await lastSeqOf(chatId);
    const hole = before + 1;
    const longAgo = new Date(Date.now() - 120_000).toISOString();
    // The writer of `hole` died two minutes ago; the message after it was stored at the time.
    await setAttributes(stack, meta(chatId), { lastSeq: hole + 1, updatedAt: longAgo });
    await setAttributes(
      stack,
      { pk: chatPk(chatId), sk: messageSk(hole + 1) },
      {
        seq: hole + 1,
        from: { role: "customer", id: customer.sub },
        text: "Stored after the hole",
        sentAt: longAgo,
        redacted: false,
      },
    );

    // Act: the customer's app comes back and resumes from what it had, then writes again.
    const resumed = await customer.client.resume(chatId, before);
    const ack = await customer.client.sendMessage(chatId, "Thanks, and how do I pay my bill?");
    await eventually(
      () => seen(customer, chatId).some((message) => message.seq === ack.seq),
      "the message after the hole, delivered in order",
    );
    const closed = await getItem(stack, { pk: chatPk(chatId), sk: messageSk(hole) });
    const transcript = await customer.client.request("getTranscript", { chatId }, ["transcript"]);

    // Assess
    expect(resumed.skipped).toEqual([hole]);
    expect(ack.seq).toBe(hole + 2);
    expect(closed).toMatchObject({ seq: hole, void: true });
    const seqs = seen(customer, chatId).map((message) => message.seq);
    expect(seqs).not.toContain(hole);
    expect(seqs).toContain(hole + 1);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(transcript.messages.map((message) => message.seq)).not.toContain(hole);

    // A hole whose reservation is recent may still be filled by its writer: resume leaves it open.
    const young = (await lastSeqOf(chatId)) + 1;
    await setAttributes(stack, meta(chatId), { lastSeq: young, updatedAt: new Date().toISOString() });
    const later = await customer.client.resume(chatId, young - 1);
    expect(later.skipped ?? []).not.toContain(young);
    expect(await getItem(stack, { pk: chatPk(chatId), sk: messageSk(young) })).toBeUndefined();
  });
});
