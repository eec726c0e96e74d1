import { readFileSync } from "node:fs";
import type { RoutingConfig } from "../routing/routing-schema.ts";

/**
 * The routing configuration a function was deployed with: a JSON file that the CDK app (or the local
 * runtime) validated against the routing schema before shipping it, so it is read, not re-validated,
 * here. Frozen, since every use case of the process shares it.
 */
export function readRoutingConfig(file: string): RoutingConfig {
  return deepFreeze(JSON.parse(readFileSync(file, "utf8")) as RoutingConfig);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
