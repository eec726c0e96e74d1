import {
  initialStats,
  recordAbandoned,
  recordAnswered,
  recordHandled,
} from "../../functions/lib/queueing/update-stats.ts";
import type { EligibleAgent, QueueStats } from "../../functions/lib/queueing/wait-types.ts";
import { EventQueue } from "./event-queue.ts";
import { Random } from "./random.ts";
import type { SharedAgent, SharedScenario } from "./shared-simulation-types.ts";
import type { NamedEstimator, Prediction, SimulationResult } from "./simulation-types.ts";

/**
 * The second simulation (see shared-simulation-types.ts for how its world differs from the first):
 * two queues, the scored one ("ours") and another, with their own customers, FIFO each. A free slot
 * of an agent goes to the longest-waiting customer among the queues the agent serves; among agents,
 * the longest idle gets the chat. Only the scored queue's statistics are learned, through
 * update-stats, and only its customers are predicted for.
 */
type QueueName = "ours" | "other";

type SimEvent =
  | { readonly kind: "arrival"; readonly queue: QueueName }
  | { readonly kind: "predict" | "patience"; readonly customer: number }
  | { readonly kind: "finish"; readonly agent: number; readonly queue: QueueName; readonly handle: number }
  | { readonly kind: "login" | "logout" | "away" | "back" | "windDown"; readonly agent: number };

interface SimAgent {
  readonly spec: SharedAgent;
  status: "offline" | "available" | "away" | "leaving";
  activeChats: number;
  idleSince: number;
}

type OpenPrediction = { -readonly [K in keyof Prediction]: Prediction[K] };

interface Customer {
  readonly id: number;
  readonly queue: QueueName;
  readonly arrivedAt: number;
  state: "waiting" | "answered" | "abandoned";
  readonly predictions: OpenPrediction[];
}

const EPOCH_MS = Date.UTC(2025, 0, 6, 8);
const HOUR = 3600;

const serves = (agent: SimAgent, queue: QueueName) =>
  agent.spec.queues === "both" || agent.spec.queues === queue;

export interface SharedSimulationOptions {
  readonly scenario: SharedScenario;
  readonly seed: number;
  readonly estimators: readonly NamedEstimator[];
  readonly hours?: number | undefined;
  readonly warmupHours?: number | undefined;
}

export function simulateShared(options: SharedSimulationOptions): SimulationResult {
  const { scenario, estimators } = options;
  const horizon = (options.hours ?? scenario.hours) * HOUR;
  const warmup = (options.warmupHours ?? 1) * HOUR;
  const random = new Random(options.seed);
  const events = new EventQueue<SimEvent>();
  const agents: SimAgent[] = scenario.agents.map((spec) => ({
    spec,
    status: "offline",
    activeChats: 0,
    idleSince: 0,
  }));
  const customers: Customer[] = [];
  const queues: Record<QueueName, Customer[]> = { ours: [], other: [] };
  const predictions: Prediction[] = [];
  let stats: QueueStats = initialStats();
  let now = 0;
  let answered = 0;
  let abandoned = 0;
  const at = () => new Date(EPOCH_MS + now * 1000);
  const rate = (queue: QueueName, hour: number) =>
    queue === "ours" ? scenario.arrivalsPerMinute(hour) : scenario.otherArrivalsPerMinute(hour);

  const scheduleArrival = (queue: QueueName) => {
    const peak = Math.max(...Array.from({ length: scenario.hours * 12 + 1 }, (_, i) => rate(queue, i / 12)));
    let t = now;
    for (;;) {
      t += random.exponential(60 / peak);
      if (t >= horizon) return;
      if (random.next() * peak < rate(queue, t / HOUR)) break;
    }
    events.push(t, { kind: "arrival", queue });
  };

  agents.forEach((agent, index) => {
    const { start, end, lunch } = agent.spec;
    events.push(start * HOUR, { kind: "login", agent: index });
    events.push(end * HOUR - scenario.windDownMinutes * 60, { kind: "windDown", agent: index });
    events.push(end * HOUR, { kind: "logout", agent: index });
    const pauses: [number, number][] = [];
    if (lunch) pauses.push([lunch[0] * HOUR, lunch[1] * 60]);
    for (let k = 1; ; k += 1) {
      const away = (start + k * scenario.breakEveryHours + random.uniform(-0.3, 0.3)) * HOUR;
      if (away > (end - 0.5) * HOUR) break;
      if (!lunch || Math.abs(away - lunch[0] * HOUR) > 1800)
        pauses.push([away, random.uniform(...scenario.breakMinutes) * 60]);
    }
    for (const [away, length] of pauses) {
      events.push(away, { kind: "away", agent: index });
      events.push(away + length, { kind: "back", agent: index });
    }
  });

  const handleTime = (agent: SimAgent) => {
    const { quickShare, quickMeanSeconds, longMeanSeconds, longCv } = scenario.handle;
    const base =
      random.next() < quickShare
        ? random.exponential(quickMeanSeconds)
        : random.lognormal(longMeanSeconds, longCv);
    return base * agent.spec.speed * (1 + scenario.concurrencySlowdown * agent.activeChats);
  };

  const dispatch = () => {
    for (;;) {
      const heads = (["ours", "other"] as const)
        .map((queue) => queues[queue][0])
        .filter((customer): customer is Customer => customer !== undefined)
        .sort((a, b) => a.arrivedAt - b.arrivedAt);
      let assigned = false;
      for (const head of heads) {
        let chosen = -1;
        agents.forEach((agent, index) => {
          if (
            agent.status !== "available" ||
            agent.activeChats >= agent.spec.maxChats ||
            !serves(agent, head.queue)
          )
            return;
          const best = agents[chosen];
          if (!best || agent.idleSince < best.idleSince) chosen = index;
        });
        const agent = agents[chosen];
        if (!agent) continue;
        queues[head.queue].shift();
        head.state = "answered";
        if (head.queue === "ours") {
          answered += 1;
          for (const prediction of head.predictions) prediction.actualSeconds = now - prediction.at;
          stats = recordAnswered(stats, now - head.arrivedAt, at());
        }
        const handle = handleTime(agent);
        agent.activeChats += 1;
        events.push(now + handle, { kind: "finish", agent: chosen, queue: head.queue, handle });
        assigned = true;
        break;
      }
      if (!assigned) return;
    }
  };

  const eligible = (): EligibleAgent[] =>
    agents
      .filter((agent) => agent.status !== "offline" && serves(agent, "ours"))
      .map((agent) => ({
        maxChats: agent.spec.maxChats,
        activeChats: agent.activeChats,
        // The estimator cannot tell a break from a shift's end: both read as "away".
        status: agent.status === "available" ? "available" : "away",
        share: agent.spec.queues === "both" ? 0.5 : 1,
      }));

  const predict = (customer: Customer) => {
    if (now < warmup) return;
    const input = {
      position: queues.ours.indexOf(customer) + 1,
      agents: eligible(),
      stats,
      waitedSeconds: now - customer.arrivedAt,
    };
    const prediction: OpenPrediction = {
      customer: customer.id,
      at: now,
      position: input.position,
      waitedSeconds: input.waitedSeconds,
      estimates: estimators.map((estimator) => estimator.estimate(input)),
      actualSeconds: null,
    };
    predictions.push(prediction);
    customer.predictions.push(prediction);
  };

  scheduleArrival("ours");
  scheduleArrival("other");
  for (let next = events.pop(); next; next = events.pop()) {
    now = next.time;
    const event = next.event;
    switch (event.kind) {
      case "arrival": {
        const customer: Customer = {
          id: customers.length,
          queue: event.queue,
          arrivedAt: now,
          state: "waiting",
          predictions: [],
        };
        customers.push(customer);
        queues[event.queue].push(customer);
        const { scaleSeconds, shape } = scenario.patience;
        events.push(now + random.weibull(scaleSeconds, shape), { kind: "patience", customer: customer.id });
        if (event.queue === "ours") {
          predict(customer);
          events.push(now + 30, { kind: "predict", customer: customer.id });
        }
        scheduleArrival(event.queue);
        dispatch();
        break;
      }
      case "predict": {
        const customer = customers[event.customer];
        if (customer?.state !== "waiting") break;
        predict(customer);
        events.push(now + 30, { kind: "predict", customer: customer.id });
        break;
      }
      case "patience": {
        const customer = customers[event.customer];
        if (customer?.state !== "waiting") break;
        customer.state = "abandoned";
        const queue = queues[customer.queue];
        queue.splice(queue.indexOf(customer), 1);
        if (customer.queue === "ours") {
          abandoned += 1;
          stats = recordAbandoned(stats, now - customer.arrivedAt, at());
        }
        break;
      }
      case "finish": {
        const agent = agents[event.agent] as SimAgent;
        agent.activeChats -= 1;
        agent.idleSince = now;
        if (event.queue === "ours") stats = recordHandled(stats, event.handle, at());
        dispatch();
        break;
      }
      case "login":
      case "back": {
        const agent = agents[event.agent] as SimAgent;
        if (event.kind === "back" && agent.status !== "away") break;
        agent.status = "available";
        agent.idleSince = now;
        dispatch();
        break;
      }
      case "away": {
        const agent = agents[event.agent] as SimAgent;
        if (agent.status === "available") agent.status = "away";
        break;
      }
      case "windDown": {
        const agent = agents[event.agent] as SimAgent;
        if (agent.status !== "offline") agent.status = "leaving";
        break;
      }
      case "logout": {
        (agents[event.agent] as SimAgent).status = "offline";
        break;
      }
    }
  }
  return {
    scenario: scenario.name,
    seed: options.seed,
    arrivals: customers.filter((c) => c.queue === "ours").length,
    answered,
    abandoned,
    predictions,
  };
}
