import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import type { CareChatClient } from "../../client/src/index.ts";
import { sequentialDepth } from "../../functions/lib/aws/call-recorder.ts";
import { demoCustomerClaims } from "../../local/dev-auth.ts";
import type { Invocation } from "../../local/lambda-runner.ts";
import type { LocalStack } from "../../local/stack.ts";
import { uniqueStamp } from "../../local/unique-stamp.ts";
import { connectClient, devToken } from "../bench-clients.ts";
import type { CapacityTally } from "./consumed-capacity.ts";
import { addFrames, countFrames, type FrameCount } from "./frame-counter.ts";
import { type WorkflowUsage, workflowUsage } from "./workflows.ts";

export const TYPICAL_MESSAGES = 20;

/** Everything one typical chat made AWS do, counted on the local stack. */
export interface TypicalChatCounts {
  readonly chatId: string;
  readonly messages: { customer: number; agent: number };
  readonly invocations: readonly Invocation[];
  readonly capacity: CapacityTally;
  readonly frames: FrameCount;
  readonly handoff: WorkflowUsage;
  readonly closure: WorkflowUsage;
  /** Per sendMessage: the AWS calls that ran one after another. */
  readonly sendDepths: readonly number[];
  /** The largest item in the table afterwards, bytes (DynamoDB's size rule: names + values). */
  readonly largestItemBytes: number;
}

interface Meter {
  reset(): void;
  tally(): CapacityTally;
}

/**
 * One typical chat: the customer connects and starts a chat, asks for an agent, the agent (already
 * signed in and available: a shift, not a chat, pays for that) accepts the first offer, customer and
 * agent exchange 20 messages, the customer ends the chat and leaves. Every Lambda invocation,
 * DynamoDB unit and frame between the customer's connect and the closure's end is the chat's.
 */
export async function runTypicalChat(stack: LocalStack, capacity: Meter): Promise<TypicalChatCounts> {
  const agent = await connectClient(
    stack.url,
    await devToken(stack.httpUrl, {
      sub: `cost-agent-${uniqueStamp()}`,
      role: "agent",
      name: "Cost Agent",
      queues: ["*"],
      languages: ["en"],
      maxChats: 3,
    }),
  );
  await agent.setPresence("available");
  const customerToken = await devToken(stack.httpUrl, {
    ...demoCustomerClaims,
    sub: `cost-${uniqueStamp()}`,
  });

  const invocations: Invocation[] = [];
  const stopListening = stack.runner.onInvocation((invocation) => invocations.push(invocation));
  capacity.reset();
  const agentFrames = countFrames(agent);
  const customer = await connectClient(stack.url, customerToken);
  const customerFrames = countFrames(customer);

  const { chatId } = await customer.startChat();
  const offered = agent.once("chatOffered", (frame) => frame.chatId === chatId);
  await customer.requestAgent(chatId);
  await offered;
  await agent.acceptChat(chatId);
  const messages = { customer: 0, agent: 0 };
  for (let index = 0; index < TYPICAL_MESSAGES; index += 1) {
    const fromCustomer = index % 2 === 0;
    const [sender, receiver] = fromCustomer ? [customer, agent] : [agent, customer];
    await say(sender, receiver, chatId, `typical ${index}: ${fromCustomer ? "customer" : "agent"} text`);
    messages[fromCustomer ? "customer" : "agent"] += 1;
  }
  const ended = customer.once("chatEnded", (frame) => frame.chatId === chatId);
  await customer.endChat(chatId);
  await ended;
  const [handoff, closure] = await Promise.all([
    workflowUsage(stack.httpUrl, "chat-handoff", chatId),
    workflowUsage(stack.httpUrl, "chat-closure", chatId),
  ]);
  customerFrames.stop();
  agentFrames.stop();
  await customer.close();
  await until(() => invocations.some((invocation) => invocation.functionName === "disconnect"));
  stopListening();
  const tally = structuredClone(capacity.tally());

  await agent.setPresence("offline");
  await agent.close();
  return {
    chatId,
    messages,
    invocations,
    capacity: tally,
    frames: addFrames(customerFrames.count, agentFrames.count),
    handoff,
    closure,
    sendDepths: invocations
      .filter((invocation) => invocation.label === "sendMessage")
      .map((invocation) => sequentialDepth(invocation.calls)),
    largestItemBytes: await largestItem(),
  };
}

async function say(sender: CareChatClient, receiver: CareChatClient, chatId: string, text: string) {
  const delivered = receiver.once("message", (frame) => frame.chatId === chatId && frame.text === text);
  await sender.sendMessage(chatId, text);
  await delivered;
}

async function until(condition: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** DynamoDB sizes an item as its attribute names plus values (UTF-8); this approximates that from JSON. */
async function largestItem(): Promise<number> {
  const client = new DynamoDBClient({});
  try {
    let largest = 0;
    let start: Record<string, never> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: process.env.TABLE_NAME, ExclusiveStartKey: start }),
      );
      for (const item of page.Items ?? [])
        largest = Math.max(largest, approximateSize(item as Record<string, unknown>));
      start = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (start);
    return largest;
  } finally {
    client.destroy();
  }
}

function approximateSize(value: unknown): number {
  if (value === null || typeof value !== "object") return Buffer.byteLength(String(value));
  let size = 0;
  for (const [key, inner] of Object.entries(value)) {
    // Skip the type descriptors ("S", "N", "M", ...) of the marshalled form; keep names and values.
    const descriptor = /^(S|N|B|BOOL|NULL|M|L|SS|NS|BS)$/.test(key);
    size += (descriptor ? 0 : Buffer.byteLength(key)) + approximateSize(inner);
  }
  return size;
}
