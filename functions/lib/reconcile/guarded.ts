import { logger } from "../logger.ts";

/**
 * Runs one repair so that its failure never stops the others: it is logged and counted, and the next
 * run (a minute later) judges that item afresh.
 */
export async function guarded(failures: { count: number }, what: string, repair: () => Promise<unknown>) {
  try {
    await repair();
  } catch (error) {
    failures.count += 1;
    logger.warn("Repair failed", { what, error: (error as Error).name, message: (error as Error).message });
  }
}

export const secondsSince = (iso: string | undefined, now: number) =>
  iso ? (now - Date.parse(iso)) / 1000 : Number.POSITIVE_INFINITY;
