import type { OversightStore } from "../data/oversight-store.ts";
import type { AbandonPorts } from "../handoff/abandon.ts";
import type { Needs, PortOf } from "../kernel/ports.ts";
import type { HandoffExecutions } from "../workflows/handoff-executions.ts";

/** The times the reconciler judges by, in seconds (functions/lib/config/environment.ts names them). */
export interface ReconcilerSettings {
  /** A state must be at least this old before it is taken for stuck (RECONCILER_SETTLE_SECONDS). */
  readonly settleSeconds: number;
  /** A queued customer with no connection keeps their place this long (QUEUE_DISCONNECT_GRACE_SECONDS). */
  readonly disconnectGraceSeconds: number;
  /** A chat with no message for this long is closed (IDLE_CHAT_SECONDS; 0 turns idle closing off). */
  readonly idleSeconds: number;
  /** The customer is warned this long before an idle chat closes (IDLE_WARNING_SECONDS). */
  readonly idleWarningSeconds: number;
  /** How long to wait before re-checking an agent whose slots look wrong (the index may lag). */
  readonly confirmMs: number;
}

export type ReconcilerPorts = AbandonPorts &
  Needs<"connections" | "closures" | "closure"> & {
    readonly oversight: PortOf<OversightStore>;
    readonly executions: PortOf<HandoffExecutions>;
    readonly settings: ReconcilerSettings;
  };

/**
 * What one run repaired, by kind; each is also a Powertools metric of the same name
 * (`Repair<Kind>`), and their sum the `ReconcilerRepairs` metric the stack's alarm watches.
 */
export const REPAIR_KINDS = [
  "HandoffRestarted",
  "ClosureRestarted",
  "ClosureFinished",
  "OfferWithdrawn",
  "AgentSlotsRecounted",
  "OrphanEntryRemoved",
] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];

/** What presence decided: a chat given up or closed because nobody was there. Metric names too. */
export const ABANDONMENT_KINDS = ["QueueAbandonedDisconnected", "IdleChatWarned", "IdleChatClosed"] as const;
export type AbandonmentKind = (typeof ABANDONMENT_KINDS)[number];

export type Tally = Record<RepairKind | AbandonmentKind, number>;

export interface ReconcileReport {
  readonly repairs: Record<RepairKind, number>;
  readonly presence: Record<AbandonmentKind, number>;
  /** How many items each pass looked at: what the run cost. */
  readonly checked: {
    readonly queueEntries: number;
    readonly closing: number;
    readonly agents: number;
    readonly open: number;
  };
  /** Repairs that threw (logged); the next run tries again. */
  readonly failures: number;
}

export const emptyTally = (): Tally =>
  Object.fromEntries([...REPAIR_KINDS, ...ABANDONMENT_KINDS].map((kind) => [kind, 0])) as Tally;
