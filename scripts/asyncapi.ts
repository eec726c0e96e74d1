import { mkdirSync, writeFileSync } from "node:fs";
import { eventJsonSchemas } from "../functions/lib/events/event-schemas.ts";
import { asyncApiDocument } from "../functions/lib/protocol/asyncapi.ts";

/** `npm run asyncapi`: writes docs/asyncapi.json from the protocol's zod schemas, and docs/events/ from the events'. */
writeFileSync("docs/asyncapi.json", `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
mkdirSync("docs/events", { recursive: true });
for (const [type, schema] of Object.entries(eventJsonSchemas()))
  writeFileSync(`docs/events/${eventSchemaFile(type)}`, `${JSON.stringify(schema, null, 2)}\n`);
process.stdout.write("wrote docs/asyncapi.json and docs/events/*.schema.json\n");

function eventSchemaFile(detailType: string): string {
  return `${detailType.toLowerCase().replaceAll(" ", "-")}.schema.json`;
}
