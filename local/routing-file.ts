import { readFileSync } from "node:fs";
import { parseRoutingConfig } from "../functions/lib/routing/parse-routing-config.ts";
import type { RoutingConfig } from "../functions/lib/routing/routing-schema.ts";
import { defaultRouting } from "../infra/routing/default-routing.ts";

/**
 * The routing configuration of a local run: the shipped one, or the JSON file named by
 * `CARECHAT_ROUTING_FILE` (tests use it for short timers), validated with the same schema the CDK app
 * validates with at synth. A broken file stops `npm start` with the schema's message.
 */
export function localRoutingConfig(env: NodeJS.ProcessEnv = process.env): RoutingConfig {
  const file = env.CARECHAT_ROUTING_FILE;
  return parseRoutingConfig(file ? JSON.parse(readFileSync(file, "utf8")) : defaultRouting);
}
