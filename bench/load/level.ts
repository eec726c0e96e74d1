import { setTimeout as sleep } from "node:timers/promises";
import { uniqueStamp } from "../../local/unique-stamp.ts";
import { percentile } from "../stats.ts";
import { Ledger, type LedgerSummary } from "./accounting.ts";
import { AgentPool } from "./agent-pool.ts";
import { runConversation } from "./conversation.ts";
import { REQUEST_TIMEOUT_MS, until } from "./parties.ts";

export interface LevelOptions {
  /** Conversations running at once. */
  readonly chats: number;
  readonly seconds: number;
  readonly paceMs: number;
  /** Each agent takes up to this many chats at once. */
  readonly agentMaxChats: number;
}

export interface LevelResult extends LedgerSummary {
  readonly chats: number;
  readonly conversations: number;
  /** From the first conversation's start to the last one's end. */
  readonly durationSeconds: number;
  readonly offeredPerSecond: number;
  readonly deliveredPerSecond: number;
  readonly burst: { readonly acked: number; readonly p50: number; readonly p99: number };
}

let levels = 0;

/**
 * One load level: `chats` conversation slots, each running whole conversations back to back until
 * the level's time is up (phases spread over the first pace), one of them opening with a burst of 20.
 * Then the ledger waits for every send to be answered (or time out) and every ack to be delivered.
 */
export async function runLevel(runtime: { httpUrl: string; wsUrl: string }, options: LevelOptions) {
  levels += 1;
  const label = `load-${uniqueStamp()}-${levels}`;
  const ledger = new Ledger();
  const agents = new AgentPool(runtime, ledger, label);
  await agents.start(Math.ceil(options.chats / options.agentMaxChats) + 2, options.agentMaxChats);
  const burst: number[] = [];
  const startedAt = performance.now();
  const deadline = startedAt + options.seconds * 1000;
  let conversations = 0;
  await Promise.all(
    Array.from({ length: options.chats }, async (_, slot) => {
      await sleep(Math.random() * options.paceMs);
      for (let round = 0; performance.now() < deadline; round += 1) {
        conversations += 1;
        const first = slot === 0 && round === 0;
        await runConversation(
          { runtime, ledger, agents, deadline, paceMs: options.paceMs, burst: first ? burst : undefined },
          `${label}-c${slot}-${round}`,
        );
      }
    }),
  );
  const durationSeconds = (performance.now() - startedAt) / 1000;
  await until(() => ledger.settled(), REQUEST_TIMEOUT_MS + 2_000);
  await agents.stop();
  const summary = ledger.summary();
  return {
    chats: options.chats,
    conversations,
    durationSeconds,
    offeredPerSecond: summary.attempts / durationSeconds,
    deliveredPerSecond: summary.delivered / durationSeconds,
    ...summary,
    burst: { acked: burst.length, p50: percentile(burst, 50), p99: percentile(burst, 99) },
  } satisfies LevelResult;
}

/** A level is sustained when nothing was lost, duplicated or reordered and delivery p99 stayed under the bound. */
export const sustained = (result: LevelResult, p99BoundMs: number) =>
  result.lost === 0 &&
  result.duplicated === 0 &&
  result.reordered === 0 &&
  result.latency.count > 0 &&
  result.latency.p99 <= p99BoundMs;
