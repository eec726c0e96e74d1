import { RuleBasedAssistant } from "../assistant/index.ts";
import type { VirtualAssistant } from "../assistant/types.ts";
import { awsClients, requireEnv } from "../aws/clients.ts";
import { ChatStore } from "../data/chat-store.ts";
import { ClosureStore } from "../data/closure-store.ts";
import { ConnectionStore } from "../data/connection-store.ts";
import { FrameSender } from "../delivery/frame-sender.ts";
import { loadRoutingConfig } from "../routing/index.ts";
import { ClosureWorkflow } from "./closure-workflow.ts";

/** Everything the chat actions talk to, built once per process from the environment. */
export interface ChatDependencies {
  readonly chats: ChatStore;
  readonly closures: ClosureStore;
  readonly connections: ConnectionStore;
  readonly sender: FrameSender;
  readonly assistant: VirtualAssistant;
  readonly closure: ClosureWorkflow;
}

export function chatDependencies(env: NodeJS.ProcessEnv = process.env): ChatDependencies {
  const clients = awsClients(env);
  const tableName = requireEnv("TABLE_NAME", env);
  const connections = new ConnectionStore(clients.documents, tableName);
  return {
    chats: new ChatStore(clients.documents, tableName),
    closures: new ClosureStore(clients.documents, tableName),
    connections,
    sender: new FrameSender(clients.connections, connections),
    assistant: new RuleBasedAssistant(loadRoutingConfig(env)),
    closure: new ClosureWorkflow(clients.stepFunctions, env.CLOSURE_STATE_MACHINE_ARN ?? ""),
  };
}
