import shipped from "./default-routing.json" with { type: "json" };

/**
 * The routing configuration carechat ships with: `default-routing.json` beside this file is the one
 * source. Deployers copy that file, edit it and pass its path as context `routingFile`; synth checks it
 * with `parseRoutingConfig` and warns about every placeholder number still in it
 * (infra/routing/routing-file.ts). This module only re-exports the JSON for code that imports the
 * shipped configuration (esbuild inlines the JSON when bundling).
 *
 * - United States: staffed 24/7 (the issuer's chat guide: "our office hours never end"), English and
 *   Spanish, consumer and small-business, with English specialist queues per topic and Spanish ones for
 *   the teams the guide names (disputes, credit, rewards, travel), which overflow sooner (180 s) to the
 *   Spanish general desk.
 * - GB, MX, JP and CA: one general desk per language with local hours; JP has a Japanese and an English desk.
 * - US corporate programmes, merchants and prepaid cards: a desk each, for their segment; prepaid products
 *   (Serve, Bluebird, Target prepaid, gift cards) with the numbers the issuer's guide gives.
 * - supervisors: reached only by escalation.
 *
 * Overflow rule: a chat overflows only to a queue that serves the same customers in a language they
 * wrote in, so topic specialists overflow to the general queue of their country and language and the
 * general desks do not overflow. Only the US number is real; the others are fictional placeholders
 * (see placeholder-numbers.ts), and synth warns until they are replaced.
 */
export const defaultRouting: unknown = shipped;
