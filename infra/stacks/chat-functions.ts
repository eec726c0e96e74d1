import type * as kms from "aws-cdk-lib/aws-kms";
import type * as logs from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { ChatFunction } from "../constructs/chat-function.ts";
import { BUNDLED_ROUTING_FILE_NAME, BUNDLED_ROUTING_FILE_PATH } from "../runtime-environment.ts";

/** The handler entry files, relative to the repository root. */
export const HANDLER_ENTRIES = {
  authorizer: "functions/handlers/authorizer.ts",
  connect: "functions/handlers/connect.ts",
  disconnect: "functions/handlers/disconnect.ts",
  actions: "functions/handlers/actions.ts",
  chatClosure: "functions/handlers/chat-closure.ts",
  chatHandoff: "functions/handlers/chat-handoff.ts",
  queueTicker: "functions/handlers/queue-ticker.ts",
} as const;

/** The functions, by role. */
export type ChatFunctions = { readonly [K in keyof typeof HANDLER_ENTRIES]: ChatFunction };

const DESCRIPTIONS: Record<keyof typeof HANDLER_ENTRIES, string> = {
  authorizer: "carechat $connect authorizer: verifies the ?token= JWT and the Origin",
  connect: "carechat $connect: records the connection",
  disconnect: "carechat $disconnect: removes the connection",
  actions: "carechat client actions ($default and one route per action)",
  chatClosure: "carechat chat closure: case number, summary, chatEnded frames",
  chatHandoff: "carechat live-agent handoff: task function of the handoff state machine",
  queueTicker: "carechat queue ticker: pushes queue position and wait estimates every minute",
};

/** What every function shares. */
export interface ChatFunctionsOptions {
  readonly tableName: string;
  readonly authorizerEnvironment: Record<string, string>;
  readonly routingFile: string;
  readonly memorySize: number;
  readonly logRetention: logs.RetentionDays;
  readonly logEncryptionKey?: kms.IKey;
}

/**
 * Creates the seven functions. All get the table's name; all but the authorizer get the routing file,
 * copied into their code as routing.json and named by CARECHAT_ROUTING_FILE (the configuration is
 * over Lambda's 4 KB environment limit, and a file in the code asset changes the code hash, so a new
 * configuration is a new function version).
 */
export function createChatFunctions(scope: Construct, options: ChatFunctionsOptions): ChatFunctions {
  const make = (role: keyof typeof HANDLER_ENTRIES, id: string) =>
    new ChatFunction(scope, id, {
      entry: HANDLER_ENTRIES[role],
      description: DESCRIPTIONS[role],
      memorySize: options.memorySize,
      logGroupRetention: options.logRetention,
      logGroupEncryptionKey: options.logEncryptionKey,
      environment:
        role === "authorizer"
          ? { TABLE_NAME: options.tableName, ...options.authorizerEnvironment }
          : { TABLE_NAME: options.tableName, CARECHAT_ROUTING_FILE: BUNDLED_ROUTING_FILE_PATH },
      bundledFiles: role === "authorizer" ? {} : { [BUNDLED_ROUTING_FILE_NAME]: options.routingFile },
    });
  return {
    authorizer: make("authorizer", "Authorizer"),
    connect: make("connect", "Connect"),
    disconnect: make("disconnect", "Disconnect"),
    actions: make("actions", "Actions"),
    chatClosure: make("chatClosure", "ChatClosure"),
    chatHandoff: make("chatHandoff", "ChatHandoff"),
    queueTicker: make("queueTicker", "QueueTicker"),
  };
}
