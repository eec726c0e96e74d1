import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
} from "@aws-sdk/client-sfn";
import type { LocalStack } from "../local/stack.ts";
import { ChatClient, customerClaims, devToken } from "../test/integration/support/chat-client.ts";

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
  const agent = await ChatClient.connect(stack.url, agentToken);
  await agent.request({ action: "setPresence", status: "available" }, "presence");
  const customer = await ChatClient.connect(stack.url, await devToken(stack.httpUrl, customerClaims()));
  const started = await customer.request(
    { action: "startChat", text: "I want to dispute a charge" },
    "chatStarted",
  );
  const chatId = String(started.chatId);
  await customer.request({ action: "requestAgent", chatId }, "queued");
  await agent.next((frame) => frame.type === "chatOffered" && frame.chatId === chatId);
  await agent.request({ action: "acceptChat", chatId }, "chatAssigned");
  await customer.request({ action: "endChat", chatId }, "chatEnding");
  await customer.nextOfType("chatEnded", 20_000);
  await agent.request({ action: "setPresence", status: "offline" }, "presence");
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
