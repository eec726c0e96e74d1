import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fastRouting } from "../fixtures/fast-routing.ts";
import { ChatClient, customerClaims, devToken, type Frame } from "./chat-client.ts";
import { available, connectAgent, customerChat, offerFor } from "./handoff-stack.ts";
import { type LocalProcess, startLocalProcess } from "./local-process.ts";

/**
 * The fast routing of the handoff tests, plus what the conference tests need to keep apart: a host
 * queue per test (by country, so each test's chats reach only its own holder), specialist queues named
 * as customers read them, and canned responses in English and Spanish, one of them for one queue only.
 */
export function conferenceRouting() {
  const base = fastRouting();
  const always = { timeZone: "UTC", schedule: "24/7" as const };
  const queue = (id: string, name: string, countries: string[]) => ({
    id,
    name,
    countries,
    languages: ["en", "es"],
    segments: "*" as const,
    topics: "*" as const,
    hours: always,
    offerTimeoutSeconds: 5,
  });
  return {
    ...base,
    queues: [
      ...base.queues,
      ...["DE", "FR", "IT", "NL", "BE"].map((country) =>
        queue(`host-${country.toLowerCase()}`, "host", [country]),
      ),
      ...["a", "b", "c", "d"].map((suffix) => queue(`travel-${suffix}`, "travel support", ["AQ"])),
    ],
    cannedResponses: [
      {
        id: "closing",
        language: "en",
        title: "Closing",
        text: "Thanks, {customer.firstName}. This was {agent.name}.",
      },
      {
        id: "closing",
        language: "es",
        title: "Cierre",
        text: "Gracias, {customer.firstName}. Le atendió {agent.name}.",
      },
      { id: "case", language: "en", title: "Case", text: "Your case number is {caseNumber}." },
      {
        id: "nl-only",
        language: "en",
        queues: ["host-nl"],
        title: "Dutch desk",
        text: "Only on the NL desk.",
      },
    ],
  };
}

export async function startConferenceStack(): Promise<LocalProcess> {
  const file = join(mkdtempSync(join(tmpdir(), "carechat-conference-")), "routing.json");
  writeFileSync(file, JSON.stringify(conferenceRouting()));
  const stack = await startLocalProcess({ env: { CARECHAT_ROUTING_FILE: file, CARECHAT_TICK_MS: "1000" } });
  await warmUp(stack);
  return stack;
}

/**
 * One connection before the tests: the first `$connect` loads the handlers and imports the signing keys,
 * which on a loaded machine can outlast a client's open timeout. Paid here, under the hook's timeout.
 */
async function warmUp(stack: LocalProcess): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const client = await ChatClient.connect(stack.wsUrl, await devToken(stack.httpUrl, customerClaims()));
      await client.close();
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

export interface HeldChat {
  readonly chatId: string;
  readonly customer: ChatClient;
  readonly holder: { id: string; client: ChatClient };
}

/** A customer of `country` in a chat held by a new agent of that country's host queue. */
export async function heldChat(
  stack: LocalProcess,
  country: string,
  claims: Record<string, unknown> = {},
  holderName = "Sam Holder",
): Promise<HeldChat> {
  const holder = await connectAgent(stack, {
    queues: [`host-${country.toLowerCase()}`],
    languages: ["en", "es"],
    name: holderName,
  });
  await available(holder.client);
  const { client: customer, chatId } = await customerChat(stack, { country, ...claims }, "I have a question");
  const queued = await customer.request({ action: "requestAgent", chatId }, "queued", 30_000);
  if (queued.type !== "queued") throw new Error(`requestAgent failed: ${JSON.stringify(queued)}`);
  await holder.client.next(offerFor(chatId), 20_000);
  const assigned = await holder.client.request({ action: "acceptChat", chatId }, "chatAssigned");
  if (assigned.type !== "chatAssigned") throw new Error(`accept failed: ${JSON.stringify(assigned)}`);
  // Away: a later test's chat in the same host queue goes to that test's own holder.
  await available(holder.client, "away");
  return { chatId, customer, holder: { id: holder.id, client: holder.client } };
}

export const conferenceOfferFor = (chatId: string) => (frame: Frame) =>
  offerFor(chatId)(frame) && frame.kind === "conference";

/** Seq → text of every message a client holds for the chat: a history it was given plus what it received. */
export function messageView(client: ChatClient, chatId: string, history: readonly Frame[] = []) {
  const view = new Map<number, string>();
  for (const message of [...history, ...client.messages(chatId)])
    view.set(Number(message.seq), String(message.text));
  return view;
}

/** The agent's used slots as the server counts them (setPresence answers with them). */
export async function activeChats(
  client: ChatClient,
  status: "available" | "away" = "available",
): Promise<number> {
  return Number((await available(client, status)).activeChats);
}
