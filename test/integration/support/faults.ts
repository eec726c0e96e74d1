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
