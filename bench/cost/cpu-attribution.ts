import { Session } from "node:inspector/promises";
import { fileURLToPath } from "node:url";

/** Where the main thread's CPU went: shares of the non-idle samples, applied to measured process CPU. */
export interface CpuAttribution {
  /** carechat's functions/ and the libraries only handlers load (AWS SDK, Smithy, middy, zod, Powertools, aws-jwt-verify). */
  handler: number;
  /** The local stand-ins (local/) and the bench's SDK clients (client/, bench/). */
  standIns: number;
  /** Node internals, GC, and `ws` (used by both the gateway and the clients): not attributable. */
  unattributed: number;
}

export interface AttributedRun {
  /** Process CPU (user + system) over the whole run, ms. */
  readonly processCpuMs: number;
  /** That CPU shared out by the profile's non-idle sample counts, ms. */
  readonly shares: CpuAttribution;
  /** The handler's hottest leaf frames, by share of the handler's samples. */
  readonly hottest: ReadonlyArray<{ frame: string; share: number }>;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

const ROOT_URL = new URL("../..", import.meta.url).href;
const ROOT = fileURLToPath(ROOT_URL);
const HANDLER_PACKAGES =
  /node_modules\/(@aws-sdk|@smithy|@middy|zod|@aws-lambda-powertools|aws-jwt-verify|@aws-crypto)\//;

/** Classifies one frame: by repository source first, else by the package, else nothing. */
function classify(url: string): keyof CpuAttribution | undefined {
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (!path.startsWith(ROOT)) return undefined;
  const inRepo = path.slice(ROOT.length);
  if (inRepo.startsWith("functions/")) return "handler";
  if (/^(local|client|bench)\//.test(inRepo)) return "standIns";
  if (HANDLER_PACKAGES.test(inRepo)) return "handler";
  return undefined;
}

/**
 * Runs `work` under the V8 CPU profiler and files every sample under the innermost frame of the
 * repository's own source on its stack (functions/ → handler; local/, client/, bench/ → stand-ins);
 * a stack with none is filed by its innermost package the handlers alone load (the AWS SDK: only
 * handlers use it in this process during the run), else as unattributed. Idle samples are dropped.
 * Sample counts, not the profile's time deltas, give the shares: the deltas are wall time, and on a
 * busy machine they grow with the time the thread waited to be scheduled.
 */
export async function attributeCpu(work: () => Promise<void>): Promise<AttributedRun> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    const cpu = process.cpuUsage();
    await work();
    const spent = process.cpuUsage(cpu);
    const { profile } = (await session.post("Profiler.stop")) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const parent = new Map<number, ProfileNode>();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
    const verdicts = new Map<number, keyof CpuAttribution | "idle">();
    const verdictOf = (id: number): keyof CpuAttribution | "idle" => {
      const cached = verdicts.get(id);
      if (cached) return cached;
      let node = byId.get(id);
      if (node?.callFrame.functionName === "(idle)") return "idle";
      let packageVerdict: keyof CpuAttribution | undefined;
      let verdict: keyof CpuAttribution | "idle" = "unattributed";
      while (node) {
        const url = node.callFrame.url;
        const found = classify(url);
        if (found && !url.includes("node_modules")) {
          verdict = found;
          break;
        }
        packageVerdict ??= found;
        node = parent.get(node.id);
      }
      if (verdict === "unattributed" && packageVerdict) verdict = packageVerdict;
      verdicts.set(id, verdict);
      return verdict;
    };
    const counts: CpuAttribution = { handler: 0, standIns: 0, unattributed: 0 };
    const leaves = new Map<string, number>();
    for (const id of profile.samples) {
      const verdict = verdictOf(id);
      if (verdict === "idle") continue;
      counts[verdict] += 1;
      if (verdict !== "handler") continue;
      const frame = byId.get(id)?.callFrame;
      const name = `${frame?.functionName || "(anonymous)"} ${frame?.url.replace(/^.*node_modules\//, "").replace(ROOT_URL, "") ?? ""}`;
      leaves.set(name, (leaves.get(name) ?? 0) + 1);
    }
    const busy = counts.handler + counts.standIns + counts.unattributed;
    const processCpuMs = (spent.user + spent.system) / 1000;
    const share = (n: number) => (busy === 0 ? 0 : (processCpuMs * n) / busy);
    return {
      processCpuMs,
      shares: {
        handler: share(counts.handler),
        standIns: share(counts.standIns),
        unattributed: share(counts.unattributed),
      },
      hottest: [...leaves]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([frame, n]) => ({ frame, share: n / counts.handler })),
    };
  } finally {
    await session.post("Profiler.disable").catch(() => undefined);
    session.disconnect();
  }
}
