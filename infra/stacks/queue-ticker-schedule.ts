import { Duration } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type { Construct } from "constructs";
import { WATCH_ROUNDS_PER_MINUTE } from "../../functions/lib/supervision/watch-queues.ts";
import type { ChatFunction } from "../constructs/chat-function.ts";

/**
 * The queue ticker's schedule. A failed or late tick is not retried: the next one, a minute later, is
 * fresher. Each run pushes several snapshot rounds to supervisors watching the queues, because
 * EventBridge cannot schedule below a minute (watch-queues.ts).
 */
export function scheduleQueueTicker(scope: Construct, ticker: ChatFunction, schedule: string): events.Rule {
  ticker.function.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(1) });
  return new events.Rule(scope, "QueueTickerSchedule", {
    description: "Runs the carechat queue ticker: queue position and wait estimates for waiting customers",
    schedule: events.Schedule.expression(schedule),
    targets: [
      new targets.LambdaFunction(ticker.function, {
        event: events.RuleTargetInput.fromObject({ watchRounds: WATCH_ROUNDS_PER_MINUTE }),
        retryAttempts: 0,
        maxEventAge: Duration.minutes(1),
      }),
    ],
  });
}
