import type { StateMachineDefinition } from "aws-local-stepfunctions";

/** A GetExecutionHistory event, shaped like AWS's (type names such as "TaskStateEntered"). */
export interface HistoryEvent {
  readonly id: number;
  readonly timestamp: Date;
  readonly type: string;
  readonly stateEnteredEventDetails?: { name: string };
  readonly stateExitedEventDetails?: { name: string };
}

/**
 * Turns aws-local-stepfunctions' event log into GetExecutionHistory events as AWS shapes them, so
 * the bench can count the states a chat's workflows entered (Standard workflows bill per transition).
 */
export async function recordHistory(
  events: HistoryEvent[],
  definition: StateMachineDefinition,
  logs: AsyncGenerator<{ type: string; timestamp: number; state?: { name: string } }>,
): Promise<void> {
  const states = definition.States as Record<string, { Type: string }>;
  try {
    for await (const log of logs) {
      const id = events.length + 1;
      const timestamp = new Date(log.timestamp);
      const name = log.state?.name ?? "";
      const kind = states[name]?.Type ?? "";
      if (log.type === "StateEntered")
        events.push({
          id,
          timestamp,
          type: `${kind}StateEntered`,
          stateEnteredEventDetails: { name },
        });
      else if (log.type === "StateExited")
        events.push({
          id,
          timestamp,
          type: `${kind}StateExited`,
          stateExitedEventDetails: { name },
        });
      else events.push({ id, timestamp, type: log.type });
    }
  } catch {
    // The log ends with the execution; an aborted run ends it early.
  }
}
