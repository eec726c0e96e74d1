import { Duration } from "aws-cdk-lib";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as logs from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import {
  HANDLER_CONTRACTS,
  HANDLER_ENTRIES,
  type HandlerName,
} from "../../functions/handlers/entry-points.ts";
import { type EnvironmentVariable, FUNCTIONS } from "../../functions/lib/config/environment.ts";
import { bundledFilePath, ChatFunction } from "../constructs/chat-function.ts";

/** The routing configuration's name inside each bundle that reads it. */
const BUNDLED_ROUTING_FILE_NAME = "routing.json";

export { HANDLER_ENTRIES };

/** The functions, by role. */
export type ChatFunctions = { readonly [K in keyof typeof HANDLER_ENTRIES]: ChatFunction };

const DESCRIPTIONS: Record<keyof typeof HANDLER_ENTRIES, string> = {
  authorizer: "carechat $connect authorizer: verifies the ?token= JWT and the Origin",
  connect: "carechat $connect: records the connection",
  disconnect: "carechat $disconnect: removes the connection",
  actions: "carechat client actions ($default and one route per action)",
  chatClosure: "carechat chat closure: case number, summary, chatEnded frames",
  chatHandoff: "carechat live-agent handoff: task function of the handoff state machine",
  queueTicker:
    "carechat queue ticker: pushes queue position and wait estimates every minute, queue snapshots every 8 s",
  reconciler:
    "carechat reconciler: repairs stranded chats, closures, offers and agent slots; presence timeouts",
  revoke: "carechat sign-out: revokes a user or a token and closes its open connections",
  eraseCustomer:
    "carechat erasure: removes one customer's chats, messages and cases, and reports what it removed",
  uploadReceived: "carechat document upload: checks a stored file and posts it to its chat, or deletes it",
};

/** What every function shares. */
export interface ChatFunctionsOptions {
  readonly tableName: string;
  /** Reserved concurrency of `actions` (none: the account's unreserved pool). */
  readonly actionsReservedConcurrency?: number;
  readonly authorizerEnvironment: Record<string, string>;
  /** The routing configuration as validated at synth (the parsed form), staged as a JSON file. */
  readonly routingFile: string;
  readonly memorySize: number;
  readonly logRetention: logs.RetentionDays;
  readonly logEncryptionKey?: kms.IKey;
}

/**
 * Creates the seven functions, each with exactly the variables its runtime contract declares (of those
 * known here; the rest are added once the API and state machines exist). Those that route get the
 * validated routing configuration copied into their code as routing.json and named by
 * ROUTING_CONFIG_FILE (it is over Lambda's 4 KB environment limit, and a file in the code asset changes
 * the code hash, so a new configuration is a new function version).
 */
export function createChatFunctions(scope: Construct, options: ChatFunctionsOptions): ChatFunctions {
  const make = (role: keyof typeof HANDLER_ENTRIES, id: string) =>
    new ChatFunction(scope, id, {
      entry: HANDLER_ENTRIES[role],
      description: DESCRIPTIONS[role],
      // The ticker pushes queue snapshots to supervisors in rounds through its minute (watch-queues.ts).
      ...(role === "queueTicker" ? { timeout: Duration.seconds(75) } : {}),
      memorySize: options.memorySize,
      logGroupRetention: options.logRetention,
      logGroupEncryptionKey: options.logEncryptionKey,
      reservedConcurrentExecutions: role === "actions" ? options.actionsReservedConcurrency : undefined,
      environment: {
        ...environmentOf(role, {
          TABLE_NAME: options.tableName,
          ROUTING_CONFIG_FILE: bundledFilePath(BUNDLED_ROUTING_FILE_NAME),
        }),
        ...(role === "authorizer" ? declaredOnly(role, options.authorizerEnvironment) : {}),
      },
      bundledFiles: reads(role, "ROUTING_CONFIG_FILE")
        ? { [BUNDLED_ROUTING_FILE_NAME]: options.routingFile }
        : {},
    });
  return {
    authorizer: make("authorizer", "Authorizer"),
    connect: make("connect", "Connect"),
    disconnect: make("disconnect", "Disconnect"),
    actions: make("actions", "Actions"),
    chatClosure: make("chatClosure", "ChatClosure"),
    chatHandoff: make("chatHandoff", "ChatHandoff"),
    queueTicker: make("queueTicker", "QueueTicker"),
    reconciler: make("reconciler", "Reconciler"),
    revoke: make("revoke", "Revoke"),
    eraseCustomer: make("eraseCustomer", "EraseCustomer"),
    uploadReceived: make("uploadReceived", "UploadReceived"),
  };
}

function reads(role: HandlerName, name: EnvironmentVariable): boolean {
  const contract = FUNCTIONS[HANDLER_CONTRACTS[role]];
  return (
    (contract.required as readonly string[]).includes(name) ||
    (contract.optional as readonly string[]).includes(name)
  );
}

/** The known values of the variables `role` declares; anything it does not declare is left out. */
function environmentOf(role: HandlerName, known: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(known).filter(([name]) => reads(role, name as EnvironmentVariable)),
  );
}

/** `values` as given, after checking that `role` declares every one of them: a misspelt name fails synth. */
function declaredOnly(role: HandlerName, values: Record<string, string>): Record<string, string> {
  const undeclared = Object.keys(values).filter((name) => !reads(role, name as EnvironmentVariable));
  if (undeclared.length > 0)
    throw new Error(
      `The ${role} function does not declare ${undeclared.join(", ")} (functions/lib/config/environment.ts).`,
    );
  return values;
}
