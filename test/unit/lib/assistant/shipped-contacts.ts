import type { ContactDirectory } from "../../../../functions/lib/assistant/types.ts";
import { knownContactNumber } from "../../../../functions/lib/routing/contact-numbers.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/parse-routing-config.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

/** The phone numbers of the shipped routing configuration, as the composition root gives them. */
const shipped = parseRoutingConfig(defaultRouting);
export const shippedContacts: ContactDirectory = { known: (country) => knownContactNumber(shipped, country) };
