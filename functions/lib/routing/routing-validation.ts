import type * as z from "../zod.ts";
import { cannedResponseProblems } from "./canned-responses.ts";
import { routeChat } from "./route-chat.ts";
import type { RoutingConfig, RoutingQueue } from "./routing-schema.ts";
import { TOPICS } from "./vocabulary.ts";

/**
 * Rules that span several queues, run on the parsed configuration:
 * - queue ids are unique;
 * - `defaultQueueId` names a standard queue, `supervisorQueueId` a supervisor queue;
 * - every overflow names another existing queue, and following overflows never comes back to a queue;
 * - an overflow keeps the customer's language: its target serves every language of its source (or `"*"`),
 *   because the chat was routed by language and an agent who cannot read the customer cannot help;
 * - docs/PROTOCOL.md's promise holds: a US consumer writing in English, whatever the topic, is routed to a
 *   queue that is open 24/7 or that overflows, eventually, into one that is.
 */
export function validateRoutingConfig(
  config: RoutingConfig,
  ctx: z.core.$RefinementCtx<RoutingConfig>,
): void {
  const issues = [
    ...duplicateIds(config),
    ...wrongReferences(config),
    ...overflowProblems(config),
    ...cannedResponseProblems(config),
  ];
  for (const issue of issues) ctx.addIssue({ code: "custom", ...issue });
  // The router assumes a consistent configuration, so the promise is checked only on one.
  if (issues.length === 0)
    for (const issue of brokenPromises(config)) ctx.addIssue({ code: "custom", ...issue });
}

interface Issue {
  readonly path: (string | number)[];
  readonly message: string;
}

function duplicateIds(config: RoutingConfig): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  config.queues.forEach((queue, index) => {
    if (seen.has(queue.id))
      issues.push({ path: ["queues", index, "id"], message: `duplicate queue id "${queue.id}"` });
    seen.add(queue.id);
  });
  return issues;
}

function wrongReferences(config: RoutingConfig): Issue[] {
  const issues: Issue[] = [];
  const check = (field: "defaultQueueId" | "supervisorQueueId", kind: RoutingQueue["kind"]) => {
    const queue = config.queues.find((candidate) => candidate.id === config[field]);
    if (!queue) issues.push({ path: [field], message: `there is no queue "${config[field]}"` });
    else if (queue.kind !== kind)
      issues.push({
        path: [field],
        message: `"${queue.id}" is a ${queue.kind} queue; ${field} needs a ${kind} one`,
      });
  };
  check("defaultQueueId", "standard");
  check("supervisorQueueId", "supervisor");
  return issues;
}

function overflowProblems(config: RoutingConfig): Issue[] {
  const byId = new Map(config.queues.map((queue) => [queue.id, queue]));
  const issues: Issue[] = [];
  config.queues.forEach((queue, index) => {
    if (!queue.overflow) return;
    const path = ["queues", index, "overflow", "queueId"];
    const target = byId.get(queue.overflow.queueId);
    if (!target)
      issues.push({ path, message: `there is no queue "${queue.overflow.queueId}" to overflow to` });
    else if (!keepsLanguages(queue, target))
      issues.push({
        path,
        message: `"${target.id}" does not serve every language of "${queue.id}"; overflow must keep the customer's language`,
      });
    else if (cycleFrom(queue, byId))
      issues.push({
        path,
        message: `overflow from "${queue.id}" comes back to it: ${cycleFrom(queue, byId)}`,
      });
  });
  return issues;
}

function keepsLanguages(source: RoutingQueue, target: RoutingQueue): boolean {
  if (target.languages === "*") return true;
  if (source.languages === "*") return false;
  return source.languages.every((language) => target.languages.includes(language));
}

/** The chain, e.g. "a → b → a", when following overflows from `start` leads back to it. */
function cycleFrom(start: RoutingQueue, byId: ReadonlyMap<string, RoutingQueue>): string | undefined {
  const chain = [start.id];
  let current = start.overflow ? byId.get(start.overflow.queueId) : undefined;
  while (current && chain.length <= byId.size) {
    chain.push(current.id);
    if (current.id === start.id) return chain.join(" → ");
    current = current.overflow ? byId.get(current.overflow.queueId) : undefined;
  }
  return undefined;
}

/** The queues a chat passes through: the queue, then its overflows (the configuration has no cycles). */
export function overflowChain(config: RoutingConfig, queueId: string): RoutingQueue[] {
  const chain: RoutingQueue[] = [];
  let current = config.queues.find((queue) => queue.id === queueId);
  while (current && !chain.includes(current)) {
    chain.push(current);
    const next = current.overflow?.queueId;
    current = next === undefined ? undefined : config.queues.find((queue) => queue.id === next);
  }
  return chain;
}

function brokenPromises(config: RoutingConfig): Issue[] {
  const issues: Issue[] = [];
  for (const topic of [undefined, ...TOPICS]) {
    const { queueId } = routeChat(config, { country: "US", language: "en", segment: "consumer", topic });
    if (overflowChain(config, queueId).some((queue) => queue.hours.schedule === "24/7")) continue;
    issues.push({
      path: ["queues"],
      message:
        `a US consumer writing in English must reach a live agent at any hour (docs/PROTOCOL.md), but ` +
        `${topic ? `topic "${topic}"` : "a chat without a topic"} goes to "${queueId}", and neither it nor its overflows are 24/7`,
    });
  }
  return issues;
}
