import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
} from "@aws-sdk/client-sfn";
import { demoCustomerClaims } from "../local/dev-auth.ts";
import type { LocalStack } from "../local/stack.ts";
import { uniqueStamp } from "../local/unique-stamp.ts";
import { connectClient, devToken } from "./bench-clients.ts";

/**
 * Runs one typical chat (assistant, one handoff accepted on the first offer, ended by the customer)
 * and counts the states each workflow entered, from GetExecutionHistory: Standard workflows are
 * billed per state transition, so this is the workflow cost of a chat. An agent who accepts before
 * the workflow parks on AwaitOffer saves the AwaitAnswer wait: 5 states; otherwise 7.
 */
export async function measureTypicalChat(stack: LocalStack): Promise<Record<string, number>> {
  const agentToken = await devToken(stack.httpUrl, {
    sub: "bench-transitions-agent",
    role: "agent",
    name: "Bench Agent",
    queues: ["*"],
    languages: ["en"],
    maxChats: 3,
  });
  const agent = await connectClient(stack.url, agentToken);
  await agent.setPresence("available");
  const customerToken = await devToken(stack.httpUrl, {
    ...demoCustomerClaims,
    sub: `bench-${uniqueStamp()}`,
  });
  const customer = await connectClient(stack.url, customerToken);
  const { chatId } = await customer.startChat({ text: "I want to dispute a charge" });
  const offered = agent.once("chatOffered", (frame) => frame.chatId === chatId);
  await customer.requestAgent(chatId);
  await offered;
  await agent.acceptChat(chatId);
  const ended = customer.once("chatEnded", (frame) => frame.chatId === chatId);
  await customer.endChat(chatId);
  await ended;
  await agent.setPresence("offline");
  await Promise.all([agent.close(), customer.close()]);

  const sfn = new SFNClient({ endpoint: stack.httpUrl });
  const counts: Record<string, number> = {};
  for (const machine of ["chat-handoff", "chat-closure"]) {
    const { executions = [] } = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: `arn:aws:states:us-east-1:000000000000:stateMachine:${machine}`,
      }),
    );
    const execution = executions.find((candidate) => candidate.name?.includes(chatId));
    if (!execution?.executionArn) continue;
    for (let poll = 0; poll < 100; poll += 1) {
      const { status } = await sfn.send(
        new DescribeExecutionCommand({ executionArn: execution.executionArn }),
      );
      if (status !== "RUNNING") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { events = [] } = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: execution.executionArn }),
    );
    counts[machine] = events.filter((event) => event.type?.endsWith("StateEntered")).length;
  }
  sfn.destroy();
  return counts;
}
