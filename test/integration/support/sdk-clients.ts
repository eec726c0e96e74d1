import { WebSocket } from "ws";
import { CareChatClient, type MessageFrame } from "../../../client/src/index.ts";
import type { ClientOptions, WebSocketConstructor } from "../../../client/src/types.ts";
import { uniqueStamp } from "../../../local/unique-stamp.ts";
import { customerClaims, devToken } from "./chat-client.ts";

/** The sockets an SDK client opened, so a test can cut one from the client side. */
export function trackedWebSocket() {
  const sockets: WebSocket[] = [];
  class Tracked extends WebSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  }
  return { WebSocket: Tracked as unknown as WebSocketConstructor, sockets };
}

let agents = 0;

export interface SdkParty {
  readonly client: CareChatClient;
  readonly sub: string;
  readonly tokenCalls: () => number;
  /** Every `message` event, in the order the SDK emitted them. */
  readonly messages: MessageFrame[];
  readonly sockets: WebSocket[];
}

/** An SDK client whose token provider fetches a fresh dev token on every call, and counts the calls. */
export async function connectParty(
  httpUrl: string,
  wsUrl: string,
  claims: Record<string, unknown>,
  options: Partial<ClientOptions> = {},
): Promise<SdkParty> {
  let calls = 0;
  const tracked = trackedWebSocket();
  const client = new CareChatClient({
    url: wsUrl,
    token: async () => {
      calls += 1;
      return devToken(httpUrl, claims);
    },
    WebSocket: tracked.WebSocket,
    backoff: { baseMs: 100, maxMs: 1_000 },
    requestTimeoutMs: 20_000,
    ...options,
  });
  const messages: MessageFrame[] = [];
  client.on("message", (message) => messages.push(message));
  await client.connect();
  return { client, sub: String(claims.sub), tokenCalls: () => calls, messages, sockets: tracked.sockets };
}

export const customerParty = (httpUrl: string, wsUrl: string, options?: Partial<ClientOptions>) =>
  connectParty(httpUrl, wsUrl, customerClaims(), options);

export function agentParty(httpUrl: string, wsUrl: string, options?: Partial<ClientOptions>) {
  agents += 1;
  const claims = {
    sub: `sdk-agent-${uniqueStamp()}-${agents}`,
    role: "agent",
    name: `SDK Agent ${agents}`,
    queues: ["*"],
    languages: ["en", "es"],
    maxChats: 3,
  };
  return connectParty(httpUrl, wsUrl, claims, options);
}

/** A customer's chat taken by an agent through the real handoff: ask, offer, accept. */
export async function assignedChat(customer: SdkParty, agent: SdkParty, text = "I want to dispute a charge") {
  await agent.client.setPresence("available");
  const { chatId } = await customer.client.startChat({ text });
  const offered = agent.client.once("chatOffered", (frame) => frame.chatId === chatId);
  const joined = customer.client.once("agentJoined", (frame) => frame.chatId === chatId);
  await customer.client.requestAgent(chatId);
  await offered;
  const assigned = await agent.client.acceptChat(chatId);
  await joined;
  return { chatId, assigned };
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Seqs and texts of one chat's messages as a party saw them. */
export const seen = (party: SdkParty, chatId: string) =>
  party.messages.filter((message) => message.chatId === chatId);
