import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
} from "@aws-sdk/client-sfn";

/** One chat's executions of a state machine, read back through the Step Functions API. */
export interface WorkflowUsage {
  readonly executions: number;
  /** States entered (GetExecutionHistory `*StateEntered`): what a Standard workflow bills. */
  readonly stateTransitions: number;
  /** Wall time from start to stop, summed over the executions (what an Express workflow bills). */
  readonly durationMs: number;
  readonly statuses: readonly string[];
}

const machineArn = (name: string) => `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`;

/** Waits for the chat's executions of `machine` to stop, then counts their states and duration. */
export async function workflowUsage(
  httpUrl: string,
  machine: string,
  chatId: string,
): Promise<WorkflowUsage> {
  const sfn = new SFNClient({ endpoint: httpUrl });
  try {
    const { executions = [] } = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: machineArn(machine) }),
    );
    let stateTransitions = 0;
    let durationMs = 0;
    const statuses: string[] = [];
    const mine = executions.filter((execution) => execution.name?.includes(chatId));
    for (const { executionArn } of mine) {
      let described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      for (let poll = 0; poll < 100 && described.status === "RUNNING"; poll += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      }
      statuses.push(described.status ?? "UNKNOWN");
      if (described.startDate && described.stopDate)
        durationMs += described.stopDate.getTime() - described.startDate.getTime();
      const { events = [] } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
      stateTransitions += events.filter((event) => event.type?.endsWith("StateEntered")).length;
    }
    return { executions: mine.length, stateTransitions, durationMs, statuses };
  } finally {
    sfn.destroy();
  }
}
