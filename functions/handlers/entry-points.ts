/**
 * Every Lambda handler's entry file, relative to the repository root: the one list that the CDK app
 * deploys and `npm run bench:bundles` measures. A plain data module (no imports), so runtime code,
 * the CDK app and the tooling can all read it without pulling anything else in.
 */
export const HANDLER_ENTRIES = {
  authorizer: "functions/handlers/authorizer.ts",
  connect: "functions/handlers/connect.ts",
  disconnect: "functions/handlers/disconnect.ts",
  actions: "functions/handlers/actions.ts",
  chatClosure: "functions/handlers/chat-closure.ts",
  chatHandoff: "functions/handlers/chat-handoff.ts",
  queueTicker: "functions/handlers/queue-ticker.ts",
} as const;

/** The name of one deployed handler, e.g. `actions`. */
export type HandlerName = keyof typeof HANDLER_ENTRIES;

/** The handler names in a stable order. */
export const HANDLER_NAMES = Object.keys(HANDLER_ENTRIES) as HandlerName[];
