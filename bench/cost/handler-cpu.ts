import { MESSAGE_BURST } from "../../functions/lib/protocol/limits.ts";
import type { LocalStack } from "../../local/stack.ts";
import { assignedChat, type ChatPair, closePair } from "./assigned-chat.ts";

export interface HandlerCpu {
  readonly messages: number;
  /** sendMessage handler runs counted: more than `messages` would mean refusals and retries. */
  readonly handlerRuns: number;
  readonly cpuMsPerMessage: number;
  readonly wallMsPerMessage: number;
  readonly note: string;
}

/**
 * Process CPU (user + system, `process.cpuUsage()`) spent while the sendMessage handler runs, per
 * message. Messages go one at a time, so no two handler windows overlap. DynamoDB Local is another
 * process (its CPU is not counted); but the local gateway and the SDK clients share this process, so
 * the window also holds the gateway's share of each @connections POST and the receiving client's
 * parse of the delivered frame: the figure is an upper bound on the handler's own CPU.
 */
export async function measureHandlerCpu(
  stack: LocalStack,
  messages: number,
  warmup = 20,
): Promise<HandlerCpu> {
  // A user may send a burst of 20 messages, then one every 2 s: spread the messages over enough
  // chats, both sides sending, that none is refused (a refusal would be a cheaper handler run).
  const total = warmup + messages;
  const pairCount = Math.ceil(total / (2 * (MESSAGE_BURST - 2)));
  const stamp = Date.now();
  const pairs = await Promise.all(
    Array.from({ length: pairCount }, (_, index) => assignedChat(stack, `cpu-${stamp}-${index}`)),
  );
  const runner = stack.runner as { invoke: typeof stack.runner.invoke };
  const invoke = stack.runner.invoke.bind(stack.runner);
  let counting = false;
  let cpuMicros = 0;
  let wallMs = 0;
  let counted = 0;
  runner.invoke = (async (functionName, handler, event, label) => {
    if (!counting || label !== "sendMessage") return invoke(functionName, handler, event, label);
    const cpu = process.cpuUsage();
    const startedAt = performance.now();
    try {
      return await invoke(functionName, handler, event, label);
    } finally {
      const spent = process.cpuUsage(cpu);
      cpuMicros += spent.user + spent.system;
      wallMs += performance.now() - startedAt;
      counted += 1;
    }
  }) as typeof stack.runner.invoke;
  try {
    for (let index = 0; index < total; index += 1) {
      counting = index >= warmup;
      const pair = pairs[index % pairCount] as ChatPair;
      const fromCustomer = Math.floor(index / pairCount) % 2 === 0;
      const [sender, receiver] = fromCustomer ? [pair.customer, pair.agent] : [pair.agent, pair.customer];
      const text = `cpu ${index}`;
      const delivered = receiver.once("message", (frame) => frame.text === text);
      await sender.sendMessage(pair.chatId, text);
      await delivered;
    }
  } finally {
    runner.invoke = invoke;
    await Promise.all(pairs.map(closePair));
  }
  return {
    messages,
    handlerRuns: counted,
    cpuMsPerMessage: cpuMicros / 1000 / messages,
    wallMsPerMessage: wallMs / counted,
    note: "upper bound: includes the in-process gateway's @connections work and the receiver's frame parse",
  };
}
