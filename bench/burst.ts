import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { LocalStack } from "../local/stack.ts";
import { assignedChat, closePair } from "./cost/assigned-chat.ts";
import { fixed, percentile } from "./stats.ts";

const BURST = 20;

export interface BurstReport {
  readonly measuredAt: string;
  readonly loadAverage: number[];
  readonly bursts: number;
  readonly size: number;
  readonly rejected: number;
  readonly gapless: boolean;
  /** From the burst's start to each frame's ack, ms, over every frame of every burst. */
  readonly ack: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Messages stored per second into one chat while its burst lasts (first send to last ack), median over bursts. */
  readonly perChatMessagesPerSecond: number;
}

/**
 * The burst a client makes flushing its outbox after a reconnect: 20 sendMessage frames at once into
 * one chat, half from the customer and half from the agent, in `bursts` chats one after another.
 * Prints the ack p50/p99 and the per-chat throughput; writes bench/results/burst.json.
 */
export async function runBurstBench(stack: LocalStack, bursts = 10): Promise<string> {
  const delays: number[] = [];
  const throughputs: number[] = [];
  let rejected = 0;
  let gapless = true;
  const stamp = Date.now();
  for (let round = 0; round < bursts; round += 1) {
    const pair = await assignedChat(stack, `burst-${stamp}-${round}`);
    const startedAt = performance.now();
    const acks = await Promise.allSettled(
      Array.from({ length: BURST }, (_, index) =>
        (index % 2 ? pair.agent : pair.customer)
          .request(
            "sendMessage",
            { chatId: pair.chatId, clientMessageId: `burst-${index}`, text: `burst ${index}` },
            ["ack"],
            { timeoutMs: 30_000 },
          )
          .then((ack) => {
            delays.push(performance.now() - startedAt);
            return ack.seq;
          }),
      ),
    );
    throughputs.push(BURST / ((performance.now() - startedAt) / 1000));
    rejected += acks.filter((ack) => ack.status === "rejected").length;
    const seqs = acks.flatMap((ack) => (ack.status === "fulfilled" ? [ack.value] : [])).sort((a, b) => a - b);
    gapless &&= seqs.every((seq, index) => index === 0 || seq === (seqs[index - 1] ?? 0) + 1);
    await closePair(pair);
  }
  const report: BurstReport = {
    measuredAt: new Date().toISOString(),
    loadAverage: loadavg(),
    bursts,
    size: BURST,
    rejected,
    gapless,
    ack: { p50: percentile(delays, 50), p99: percentile(delays, 99), max: Math.max(...delays) },
    perChatMessagesPerSecond: percentile(throughputs, 50),
  };
  const resultsDir = join(resolve(fileURLToPath(import.meta.url), "../.."), "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "burst.json"), `${JSON.stringify(report, null, 2)}\n`);
  return [
    "",
    `carechat burst — ${bursts} bursts of ${BURST} concurrent sendMessage into one chat each (customer and agent), load average ${report.loadAverage.map((v) => fixed(v)).join(" ")}`,
    `  acked ${bursts * BURST - rejected} of ${bursts * BURST}, seqs gapless: ${gapless ? "yes" : "NO"}`,
    `  ack from the burst's start (ms)   p50 ${fixed(report.ack.p50, 0)}  p99 ${fixed(report.ack.p99, 0)}  max ${fixed(report.ack.max, 0)}`,
    `  per-chat throughput during a burst: ${fixed(report.perChatMessagesPerSecond, 1)} msg/s (median); figures written to bench/results/burst.json`,
    "",
  ].join("\n");
}
