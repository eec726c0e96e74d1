import type { FaultReport, FaultRule } from "../../../local/fault-plan.ts";

/** Replaces the local runtime's SDK fault plan (local/faults.ts) and returns it as the runtime reports it. */
export async function setFaults(httpUrl: string, rules: readonly FaultRule[]): Promise<FaultReport> {
  const response = await fetch(`${httpUrl}/dev/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules }),
  });
  if (response.status !== 200)
    throw new Error(`POST /dev/faults: ${response.status} ${await response.text()}`);
  return (await response.json()) as FaultReport;
}

/** What the plan injected so far, by rule. */
export async function faultReport(httpUrl: string): Promise<FaultReport> {
  return (await (await fetch(`${httpUrl}/dev/faults`)).json()) as FaultReport;
}

export async function clearFaults(httpUrl: string): Promise<FaultReport> {
  return (await (await fetch(`${httpUrl}/dev/faults`, { method: "DELETE" })).json()) as FaultReport;
}

/**
 * Lets the plan just set (open-ended: a long `durationMs`) go on for `windowMs` from its first
 * injection, then clears it and returns how many faults it injected. A window counted from
 * `setFaults` can pass on a slow machine before the requests it is meant to hit reach the service.
 */
export async function clearFaultsAfterWindow(httpUrl: string, windowMs: number): Promise<number> {
  const deadline = Date.now() + 30_000;
  while ((await faultReport(httpUrl)).injected === 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const { injected } = await faultReport(httpUrl);
  await clearFaults(httpUrl);
  return injected;
}
