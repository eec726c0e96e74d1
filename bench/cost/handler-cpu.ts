import { MESSAGE_BURST } from "../../functions/lib/protocol/limits.ts";
import type { LocalStack } from "../../local/stack.ts";
import { assignedChat, type ChatPair, closePair } from "./assigned-chat.ts";
import { type AttributedRun, attributeCpu, type CpuAttribution } from "./cpu-attribution.ts";

export interface HandlerCpu {
  readonly messages: number;
  /** sendMessage handler runs counted: more than `messages` would mean refusals and retries. */
  readonly handlerRuns: number;
  /** Process CPU inside the sendMessage handler windows, per message: the upper bound. */
  readonly cpuMsPerMessage: number;
  readonly wallMsPerMessage: number;
  /** A second pass under the V8 profiler: sampled main-thread CPU per message, by whose code ran. */
  readonly profiled: {
    messages: number;
    /** Process CPU of the whole profiled pass per message (clients, gateway and handlers). */
    processCpuMsPerMessage: number;
    perMessageMs: CpuAttribution;
    hottest: AttributedRun["hottest"];
  };
  readonly note: string;
}

type Invoke = LocalStack["runner"]["invoke"];

/**
 * Handler CPU per sendMessage, two ways. First, process CPU (user + system, `process.cpuUsage()`)
 * inside each sendMessage handler run, one message at a time so no two windows overlap. DynamoDB
 * Local is another process and is not counted; but the local gateway and the SDK clients share this
 * process, so the window also holds the gateway serving each @connections POST and the receiver
 * parsing the frame: an upper bound. Second, a separate pass under the V8 CPU profiler files each
 * sample under the code that ran (cpu-attribution.ts): the handler's own share, from samples.
 */
export async function measureHandlerCpu(
  stack: LocalStack,
  messages: number,
  warmup = 20,
): Promise<HandlerCpu> {
  const runner = stack.runner as { invoke: Invoke };
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
  }) as Invoke;
  try {
    await converse(stack, "cpu", warmup + messages, (index) => {
      counting = index >= warmup;
    });
  } finally {
    runner.invoke = invoke;
  }
  const profiledMessages = Math.min(messages, 100);
  const sampled = await attributeCpu(() => converse(stack, "cpu-profiled", profiledMessages));
  const perMessage = (ms: number) => ms / profiledMessages;
  return {
    messages,
    handlerRuns: counted,
    cpuMsPerMessage: cpuMicros / 1000 / messages,
    wallMsPerMessage: wallMs / counted,
    profiled: {
      messages: profiledMessages,
      processCpuMsPerMessage: perMessage(sampled.processCpuMs),
      perMessageMs: {
        handler: perMessage(sampled.shares.handler),
        standIns: perMessage(sampled.shares.standIns),
        unattributed: perMessage(sampled.shares.unattributed),
      },
      hottest: sampled.hottest,
    },
    note: "upper bound: the window includes the in-process gateway's @connections work and the receiver's frame parse",
  };
}

/**
 * Sends `total` messages one at a time, each awaited until the other side has it. A user may send a
 * burst of 20, then one every 2 s: the messages are spread over enough chats, both sides sending,
 * that none is refused (a refusal would be a cheaper handler run).
 */
async function converse(stack: LocalStack, name: string, total: number, before?: (index: number) => void) {
  const pairCount = Math.ceil(total / (2 * (MESSAGE_BURST - 2)));
  const stamp = Date.now();
  const pairs = await Promise.all(
    Array.from({ length: pairCount }, (_, index) => assignedChat(stack, `${name}-${stamp}-${index}`)),
  );
  try {
    for (let index = 0; index < total; index += 1) {
      before?.(index);
      const pair = pairs[index % pairCount] as ChatPair;
      const fromCustomer = Math.floor(index / pairCount) % 2 === 0;
      const [sender, receiver] = fromCustomer ? [pair.customer, pair.agent] : [pair.agent, pair.customer];
      const text = `${name} ${index}`;
      const delivered = receiver.once("message", (frame) => frame.text === text);
      await sender.sendMessage(pair.chatId, text);
      await delivered;
    }
  } finally {
    await Promise.all(pairs.map(closePair));
  }
}
