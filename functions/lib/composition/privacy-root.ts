import { documentClient } from "../aws/document-client.ts";
import { readEnvironment } from "../config/environment.ts";
import { CustomerStore } from "../data/customer-store.ts";
import { PartitionStore } from "../data/partition-store.ts";
import type { ErasurePorts } from "../privacy/erase-customer.ts";

let built: ErasurePorts | undefined;

/** The erase-customer function's root: two stores over the table, nothing else (no API, no workflow). */
export function privacyPorts(env: NodeJS.ProcessEnv = process.env): ErasurePorts {
  if (built) return built;
  const { TABLE_NAME } = readEnvironment("erase-customer", env);
  const documents = documentClient(env);
  built = {
    customers: new CustomerStore(documents, TABLE_NAME),
    partitions: new PartitionStore(documents, TABLE_NAME),
  };
  return built;
}
