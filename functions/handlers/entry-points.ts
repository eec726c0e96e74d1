import { FUNCTIONS, type FunctionName } from "../lib/config/environment.ts";

/**
 * Each deployed handler by the camel-case name the CDK app and `npm run bench:bundles` use, and its name
 * in the runtime contract (functions/lib/config), where its entry, environment and ASL placeholder are
 * declared once.
 */
export const HANDLER_CONTRACTS = {
  authorizer: "authorizer",
  connect: "connect",
  disconnect: "disconnect",
  actions: "actions",
  chatClosure: "chat-closure",
  chatHandoff: "chat-handoff",
  queueTicker: "queue-ticker",
  reconciler: "reconciler",
  revoke: "revoke",
  eraseCustomer: "erase-customer",
  uploadReceived: "upload-received",
} as const satisfies Record<string, FunctionName>;

/** The name of one deployed handler, e.g. `actions`. */
export type HandlerName = keyof typeof HANDLER_CONTRACTS;

/** The handler names in a stable order. */
export const HANDLER_NAMES = Object.keys(HANDLER_CONTRACTS) as HandlerName[];

/** Every handler's entry file, relative to the repository root. */
export const HANDLER_ENTRIES = Object.fromEntries(
  HANDLER_NAMES.map((name) => [name, FUNCTIONS[HANDLER_CONTRACTS[name]].entry]),
) as Readonly<Record<HandlerName, string>>;
