import { FUNCTIONS } from "../lib/config/environment.ts";

/**
 * Every Lambda handler's entry file, relative to the repository root, by the camel-case name the CDK
 * app and `npm run bench:bundles` use. Taken from the runtime contract (functions/lib/config), where each
 * function's entry, environment and ASL placeholder are declared once.
 */
export const HANDLER_ENTRIES = {
  authorizer: FUNCTIONS.authorizer.entry,
  connect: FUNCTIONS.connect.entry,
  disconnect: FUNCTIONS.disconnect.entry,
  actions: FUNCTIONS.actions.entry,
  chatClosure: FUNCTIONS["chat-closure"].entry,
  chatHandoff: FUNCTIONS["chat-handoff"].entry,
  queueTicker: FUNCTIONS["queue-ticker"].entry,
  revoke: FUNCTIONS.revoke.entry,
  eraseCustomer: FUNCTIONS["erase-customer"].entry,
} as const;

/** The name of one deployed handler, e.g. `actions`. */
export type HandlerName = keyof typeof HANDLER_ENTRIES;

/** The handler names in a stable order. */
export const HANDLER_NAMES = Object.keys(HANDLER_ENTRIES) as HandlerName[];
