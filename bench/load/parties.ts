import { setTimeout as sleep } from "node:timers/promises";
import { CareChatClient, CareChatError } from "../../client/src/index.ts";
import { devToken } from "../bench-clients.ts";
import type { Ledger } from "./accounting.ts";

/** A person on the load: an SDK client whose every `message` event goes into the ledger. */
export interface Party {
  readonly name: string;
  readonly client: CareChatClient;
}

export const now = () => performance.now();

/** Connects an SDK client as `claims` (a dev token from the runtime); no reconnect, so a drop shows as loss. */
export async function openParty(
  runtime: { httpUrl: string; wsUrl: string },
  claims: Record<string, unknown>,
  ledger: Ledger,
): Promise<Party> {
  const name = String(claims.sub);
  const client = new CareChatClient({
    url: runtime.wsUrl,
    token: await devToken(runtime.httpUrl, claims),
    reconnect: false,
    // Other requests (a handoff, an accept) may take longer than a send is given.
    requestTimeoutMs: 2 * REQUEST_TIMEOUT_MS,
    keepAliveMs: 0,
  });
  client.on("message", (message) => ledger.delivered(name, message.chatId, message.seq, now()));
  await client.connect();
  return { name, client };
}

/** How long a send may go unanswered before it counts as neither acked nor refused. */
export const REQUEST_TIMEOUT_MS = 10_000;

export function errorCode(error: unknown): string {
  if (process.env.LOAD_DEBUG) process.stderr.write(`  ${String((error as Error)?.message ?? error)}\n`);
  return error instanceof CareChatError ? error.code : "UNKNOWN";
}

/**
 * One message, as a person's client sends it: one `sendMessage` frame (not the outbox, so every
 * attempt's answer is seen), sent again with the same clientMessageId after RATE_LIMITED's wait, up
 * to twice more. Returns the ack's delay in ms, or undefined if it was never acked.
 */
export async function sendOne(
  party: Party,
  chatId: string,
  clientMessageId: string,
  text: string,
  ledger: Ledger,
): Promise<number | undefined> {
  const firstSentAt = now();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    ledger.sent(chatId, clientMessageId, party.name, now());
    try {
      const ack = await party.client.request("sendMessage", { chatId, clientMessageId, text }, ["ack"], {
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      ledger.answered(chatId, clientMessageId, { kind: "ack", seq: ack.seq, at: now() });
      return now() - firstSentAt;
    } catch (error) {
      const code = errorCode(error);
      // No answer at all (or the socket went): the send stays unanswered in the ledger.
      if (code === "TIMEOUT" || code === "CLOSED") return undefined;
      ledger.answered(chatId, clientMessageId, { kind: "error", code, at: now() });
      if (code !== "RATE_LIMITED") return undefined;
      const seconds = error instanceof CareChatError ? (error.retryAfterSeconds ?? 1) : 1;
      await sleep(seconds * 1000 * (1 + Math.random() / 2));
    }
  }
  return undefined;
}

/** Waits until `check` holds or `timeoutMs` passes; true if it held. */
export async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
