import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { CareChatClient } from "../../client/src/index.ts";
import { documentClient } from "../../functions/lib/aws/document-client.ts";
import { CHAT_META_SK, chatPk } from "../../functions/lib/data/keys.ts";
import { demoCustomerClaims } from "../../local/dev-auth.ts";
import type { LocalStack } from "../../local/stack.ts";
import { connectClient, devToken } from "../bench-clients.ts";

/** A customer and an agent in one chat: the message path without the assistant or a handoff. */
export interface ChatPair {
  readonly chatId: string;
  readonly customer: CareChatClient;
  readonly agent: CareChatClient;
}

/**
 * Opens a chat and writes the agent into it directly (as bench/run.ts does): the load and CPU
 * figures are about messages, so they skip the handoff, which the typical chat measures.
 */
export async function assignedChat(stack: LocalStack, name: string): Promise<ChatPair> {
  const agentSub = `${name}-agent`;
  const [customerToken, agentToken] = await Promise.all([
    devToken(stack.httpUrl, { ...demoCustomerClaims, sub: `${name}-customer` }),
    devToken(stack.httpUrl, {
      sub: agentSub,
      role: "agent",
      name: "Bench Agent",
      queues: ["*"],
      languages: ["en"],
      maxChats: 3,
    }),
  ]);
  const customer = await connectClient(stack.url, customerToken);
  const { chatId } = await customer.startChat();
  await documentClient().send(
    new UpdateCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
      UpdateExpression: "SET #state = :assigned, participants.#agent = :agent",
      ExpressionAttributeNames: { "#state": "state", "#agent": agentSub },
      ExpressionAttributeValues: {
        ":assigned": "assigned",
        ":agent": { role: "agent", name: "Bench Agent", joinedAt: new Date().toISOString() },
      },
    }),
  );
  const agent = await connectClient(stack.url, agentToken);
  await agent.resume(chatId, 0);
  return { chatId, customer, agent };
}

export const closePair = (pair: ChatPair) => Promise.all([pair.customer.close(), pair.agent.close()]);
