import * as z from "../zod.ts";
import { type RoutingConfig, routingConfigShape } from "./routing-schema.ts";
import { validateRoutingConfig } from "./routing-validation.ts";

/** The shape and the rules across it (ids, overflow chains, 24/7 reach): what synth and `npm start` check. */
export const routingConfigSchema = routingConfigShape.check(z.superRefine(validateRoutingConfig));

export class RoutingConfigError extends Error {
  override readonly name = "RoutingConfigError";
}

/** Parses and checks a routing configuration; throws a `RoutingConfigError` listing every problem. */
export function parseRoutingConfig(raw: unknown): RoutingConfig {
  const result = routingConfigSchema.safeParse(raw);
  if (!result.success)
    throw new RoutingConfigError(`Invalid routing configuration:\n${z.prettifyError(result.error)}`);
  return result.data;
}
