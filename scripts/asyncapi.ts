import { writeFileSync } from "node:fs";
import { asyncApiDocument } from "../functions/lib/protocol/asyncapi.ts";

/** `npm run asyncapi`: writes docs/asyncapi.json from the protocol's zod schemas. */
writeFileSync("docs/asyncapi.json", `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
process.stdout.write("wrote docs/asyncapi.json\n");
