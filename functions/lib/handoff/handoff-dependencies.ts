import { awsClients, requireEnv } from "../aws/clients.ts";
import { type ChatDependencies, chatDependencies } from "../chat/chat-dependencies.ts";
import { AgentStore } from "../data/agent-store.ts";
import { QueueStore } from "../data/queue-store.ts";
import { loadRoutingConfig } from "../routing/index.ts";
import type { RoutingConfig } from "../routing/routing-schema.ts";
import { HandoffWorkflow } from "./handoff-workflow.ts";

/** What the live-agent side talks to, on top of the chat dependencies. */
export interface HandoffDependencies extends ChatDependencies {
  readonly agents: AgentStore;
  readonly queues: QueueStore;
  readonly routing: RoutingConfig;
  readonly handoff: HandoffWorkflow;
}

export function handoffDependencies(env: NodeJS.ProcessEnv = process.env): HandoffDependencies {
  const clients = awsClients(env);
  const tableName = requireEnv("TABLE_NAME", env);
  return {
    ...chatDependencies(env),
    agents: new AgentStore(clients.documents, tableName),
    queues: new QueueStore(clients.documents, tableName),
    routing: loadRoutingConfig(),
    handoff: new HandoffWorkflow(clients.stepFunctions, env.HANDOFF_STATE_MACHINE_ARN ?? ""),
  };
}
