/**
 * The second simulation's world, built on other assumptions than the first (simulation-types.ts):
 * Weibull patience instead of lognormal, agents of different speeds, lunches and shift ends where
 * agents stop taking chats a while before they leave, a mixture of quick and long chats, and agents
 * shared with a second queue that has customers of its own, served longest-waiting first, instead of
 * a fixed share of freed slots.
 */
export interface SharedAgent {
  /** Simulated hours from the start of the day. */
  readonly start: number;
  readonly end: number;
  readonly maxChats: number;
  /** Multiplies the agent's handle times: 0.7 is a fast agent, 1.5 a slow one. */
  readonly speed: number;
  readonly queues: "ours" | "other" | "both";
  /** A lunch break: the hour it starts and its minutes. */
  readonly lunch?: readonly [hour: number, minutes: number];
}

export interface SharedScenario {
  readonly name: string;
  readonly hours: number;
  /** Chats per minute at a given hour, for the scored queue and for the queue it shares agents with. */
  readonly arrivalsPerMinute: (hour: number) => number;
  readonly otherArrivalsPerMinute: (hour: number) => number;
  readonly agents: readonly SharedAgent[];
  /** Handle time: quick questions (exponential) or long cases (lognormal), before speed and juggling. */
  readonly handle: {
    readonly quickShare: number;
    readonly quickMeanSeconds: number;
    readonly longMeanSeconds: number;
    readonly longCv: number;
  };
  /** Extra handle time per other chat the agent holds when the chat starts. */
  readonly concurrencySlowdown: number;
  /** Customer patience, Weibull. */
  readonly patience: { readonly scaleSeconds: number; readonly shape: number };
  /** Agents take no new chats this long before their shift ends, finishing the ones they hold. */
  readonly windDownMinutes: number;
  readonly breakEveryHours: number;
  readonly breakMinutes: readonly [number, number];
}
