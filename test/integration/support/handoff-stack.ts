import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uniqueStamp } from "../../../local/unique-stamp.ts";
import { fastRouting } from "../fixtures/fast-routing.ts";
import { ChatClient, customerClaims, devToken, type Frame } from "./chat-client.ts";
import { type LocalProcess, startLocalProcess } from "./local-process.ts";

/** A local runtime with a routing configuration whose timers are seconds, so timeouts can be tested. */
export function startHandoffStack(): Promise<LocalProcess> {
  const file = join(mkdtempSync(join(tmpdir(), "carechat-routing-")), "routing.json");
  writeFileSync(file, JSON.stringify(fastRouting()));
  return startLocalProcess({ env: { CARECHAT_ROUTING_FILE: file, CARECHAT_TICK_MS: "1000" } });
}

let agents = 0;

export interface AgentOptions {
  readonly queues: string[];
  readonly languages?: string[];
  readonly maxChats?: number;
  readonly role?: "agent" | "supervisor";
  readonly name?: string;
}

export async function connectAgent(stack: LocalProcess, options: AgentOptions) {
  agents += 1;
  const id = `agent-${uniqueStamp()}-${agents}`;
  const token = await devToken(stack.httpUrl, {
    sub: id,
    role: options.role ?? "agent",
    name: options.name ?? `Agent ${agents}`,
    queues: options.queues,
    languages: options.languages ?? ["en"],
    maxChats: options.maxChats ?? 3,
  });
  const client = await ChatClient.connect(stack.wsUrl, token);
  return { id, token, client };
}

export async function available(agent: ChatClient, status: "available" | "away" | "offline" = "available") {
  const presence = await agent.request({ action: "setPresence", status }, "presence");
  if (presence.type !== "presence") throw new Error(`setPresence failed: ${JSON.stringify(presence)}`);
  return presence;
}

export async function customerChat(stack: LocalProcess, claims: Record<string, unknown> = {}, text?: string) {
  const token = await devToken(stack.httpUrl, customerClaims(claims));
  const client = await ChatClient.connect(stack.wsUrl, token);
  const started = await client.request({ action: "startChat", ...(text ? { text } : {}) }, "chatStarted");
  return { client, token, chatId: String(started.chatId) };
}

export const offerFor = (chatId: string) => (frame: Frame) =>
  frame.type === "chatOffered" && frame.chatId === chatId;
