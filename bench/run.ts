import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "../client/src/index.ts";
import { sequentialDepth } from "../functions/lib/aws/call-recorder.ts";
import { MESSAGE_BURST } from "../functions/lib/protocol/limits.ts";
import { demoCustomerClaims } from "../local/dev-auth.ts";
import type { Invocation } from "../local/lambda-runner.ts";
import { startLocalStack } from "../local/stack.ts";
import { connectClient, devToken } from "./bench-clients.ts";
import { runBundleBench } from "./bundles/run-bundle-bench.ts";
import { runBurstBench } from "./burst.ts";
import { assignedChat, type ChatPair, closePair } from "./cost/assigned-chat.ts";
import { runCostBench } from "./cost/run-cost-bench.ts";
import { fixed, mean, percentile } from "./stats.ts";
import { runWaitEstimateBench } from "./wait-estimates/run-wait-bench.ts";
import { measureTypicalChat } from "./workflow-transitions.ts";
import { startRelay } from "./ws-relay.ts";

/**
 * `npm run bench`: the message path on the local stack. Prints, per sendMessage, the AWS SDK calls
 * that ran one after another, the handler time, and the delivery latency from the sender's socket
 * to the other participant's socket, beside a bare ws relay measured in the same run.
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 200);
const WARMUP = 20;

const dataDir = mkdtempSync(join(tmpdir(), "carechat-bench-"));
process.env.POWERTOOLS_LOG_LEVEL ??= "WARN";
// The cost bench runs the queue ticker itself, so that no tick lands in a chat's counts: timer off.
const stack = await startLocalStack({ dataDir, tickMs: 2 ** 31 - 1 });
const invocations: Invocation[] = [];
stack.runner.onInvocation((invocation) => invocations.push(invocation));

try {
  // Chats between a customer and an agent: the message path without the virtual assistant. A user
  // may send a burst of 20 messages, then one every 2 s: the messages go round enough chats that
  // none is refused, so the figures are the path's and not the rate limiter's waits.
  const stamp = Date.now();
  const pairs = await Promise.all(
    Array.from({ length: Math.ceil((WARMUP + MESSAGES) / (MESSAGE_BURST - 2)) }, (_, index) =>
      assignedChat(stack, `bench-${stamp}-${index}`),
    ),
  );
  const latencies: number[] = [];
  for (let index = 0; index < WARMUP + MESSAGES; index += 1) {
    const { chatId, customer, agent } = pairs[index % pairs.length] as ChatPair;
    const text = `message ${index}`;
    const startedAt = performance.now();
    const delivered = agent.once("message", (frame) => frame.text === text);
    await customer.sendMessage(chatId, text, `b-${index}`);
    await delivered;
    if (index >= WARMUP) latencies.push(performance.now() - startedAt);
  }
  const sends = invocations.filter((invocation) => invocation.label === "sendMessage").slice(WARMUP);
  await Promise.all(pairs.map(closePair));

  // Customers talking to the virtual assistant: its answer shares the transaction (15 messages each).
  const assistantStart = invocations.length;
  for (let person = 0; person < 2; person += 1) {
    const customer = await connectClient(
      stack.url,
      await devToken(stack.httpUrl, { ...demoCustomerClaims, sub: `bench-va-${stamp}-${person}` }),
    );
    const { chatId: assistantChat } = await customer.startChat();
    for (let index = 0; index < 15; index += 1)
      await customer.sendMessage(assistantChat, "When is my payment due?", `va-${person}-${index}`);
    await customer.close();
  }
  const assistantSends = invocations
    .slice(assistantStart)
    .filter((invocation) => invocation.label === "sendMessage");
  const transitions = await measureTypicalChat(stack);

  // Baseline: a bare ws relay, same machine, same run.
  const relay = await startRelay();
  const relayLatencies = await relayRun(relay.url);
  await relay.stop();

  const depth = sends.map((invocation) => sequentialDepth(invocation.calls));
  const assistantDepth = assistantSends.map((invocation) => sequentialDepth(invocation.calls));
  const row = (name: string, values: number[]) =>
    `  ${name.padEnd(44)} p50 ${fixed(percentile(values, 50)).padStart(8)}  p99 ${fixed(percentile(values, 99)).padStart(8)}  mean ${fixed(mean(values)).padStart(8)}`;
  process.stdout.write(
    [
      "",
      `carechat bench — ${MESSAGES} messages customer → agent on the local stack (after ${WARMUP} warm-up), Node ${process.version}`,
      `  sequential AWS calls per sendMessage         max ${Math.max(...depth)}  mean ${fixed(mean(depth))}  (AWS calls in all: mean ${fixed(mean(sends.map((s) => s.calls.length)))})`,
      `  calls: ${describeCalls(sends[0])}`,
      row(
        "handler time per sendMessage (ms)",
        sends.map((invocation) => invocation.durationMs),
      ),
      row("delivery latency, carechat (ms)", latencies),
      row("delivery latency, bare ws relay (ms)", relayLatencies),
      "",
      `  with the virtual assistant answering (${assistantSends.length} messages): sequential AWS calls max ${Math.max(...assistantDepth)}, mean ${fixed(mean(assistantDepth))}`,
      row(
        "handler time with the assistant (ms)",
        assistantSends.map((invocation) => invocation.durationMs),
      ),
      `  states entered by one typical chat (one handoff, accepted on the first offer): handoff (Standard) ${transitions["chat-handoff"] ?? "n/a"}, closure (Express) ${transitions["chat-closure"] ?? "n/a"}`,
      `  resident memory after the run: ${fixed(process.memoryUsage().rss / 1024 / 1024, 0)} MB`,
      "",
    ].join("\n"),
  );
  process.stdout.write(await runBurstBench(stack));
  process.stdout.write(await runCostBench(stack));
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

process.stdout.write(`${await runWaitEstimateBench()}\n`);
process.stdout.write(await runBundleBench());

function describeCalls(invocation: Invocation | undefined): string {
  if (!invocation) return "none";
  return [...invocation.calls]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((call) => call.command.replace(/Command$/, ""))
    .join(" → ");
}

/** The same SDK connection layer against a bare relay: what the network and the client cost alone. */
async function relayRun(url: string): Promise<number[]> {
  const open = async () => {
    const connection = new Connection({ url, token: "x", reconnect: false });
    await connection.open();
    return connection;
  };
  const [sender, receiver] = await Promise.all([open(), open()]);
  const latencies: number[] = [];
  for (let index = 0; index < WARMUP + MESSAGES; index += 1) {
    const text = `relay ${index}`;
    const startedAt = performance.now();
    const delivered = receiver.once("frame", (frame) => frame.text === text);
    sender.send(JSON.stringify({ type: "message", text }));
    await delivered;
    if (index >= WARMUP) latencies.push(performance.now() - startedAt);
  }
  await Promise.all([sender.close(), receiver.close()]);
  return latencies;
}
