import {
  initialStats,
  recordAbandoned,
  recordAnswered,
  recordHandled,
} from "../../functions/lib/queueing/update-stats.ts";
import type { EligibleAgent, QueueStats } from "../../functions/lib/queueing/wait-types.ts";
import { EventQueue } from "./event-queue.ts";
import { Random } from "./random.ts";
import type { Prediction, Shift, SimulationOptions, SimulationResult } from "./simulation-types.ts";

/**
 * A discrete-event simulation of one queue over a working day, to score wait estimators against the
 * waits that actually happened. Customers arrive (non-homogeneous Poisson), wait in FIFO order and
 * give up when their patience runs out; agents log in and out on shifts, take breaks (away: signed
 * in, no new chats) and hold up to maxChats chats. A slot that frees up goes to the longest-idle
 * available agent's next customer; agents who serve other queues too lose part of their freed slots
 * to those queues. The queue's statistics are learned only through update-stats, as in production.
 */
type SimEvent =
  | { readonly kind: "arrival" }
  | { readonly kind: "predict" | "patience"; readonly customer: number }
  | { readonly kind: "finish"; readonly agent: number; readonly ours: boolean; readonly handle: number }
  | { readonly kind: "login" | "logout" | "away" | "back"; readonly agent: number };

interface SimAgent {
  readonly shift: Shift;
  status: "offline" | "available" | "away";
  activeChats: number;
  idleSince: number;
}

type OpenPrediction = { -readonly [K in keyof Prediction]: Prediction[K] };

interface Customer {
  readonly id: number;
  readonly arrivedAt: number;
  state: "waiting" | "answered" | "abandoned";
  readonly predictions: OpenPrediction[];
}

const EPOCH_MS = Date.UTC(2025, 0, 6, 8);
const HOUR = 3600;

export function simulate(options: SimulationOptions): SimulationResult {
  const { scenario, estimators } = options;
  const horizon = (options.hours ?? scenario.hours) * HOUR;
  const every = options.predictEverySeconds ?? 30;
  const warmup = (options.warmupHours ?? 1) * HOUR;
  const random = new Random(options.seed);
  const events = new EventQueue<SimEvent>();
  const agents: SimAgent[] = scenario.shifts.map((shift) => ({
    shift,
    status: "offline",
    activeChats: 0,
    idleSince: 0,
  }));
  const customers: Customer[] = [];
  const queue: Customer[] = [];
  const predictions: Prediction[] = [];
  let stats: QueueStats = initialStats();
  let now = 0;
  let answered = 0;
  let abandoned = 0;
  const at = () => new Date(EPOCH_MS + now * 1000);

  const peak = Math.max(
    ...Array.from({ length: scenario.hours * 12 + 1 }, (_, i) => scenario.arrivalsPerMinute(i / 12)),
  );
  const scheduleArrival = () => {
    // Thinning: candidates at the peak rate, each kept with probability rate(t) / peak.
    let t = now;
    for (;;) {
      t += random.exponential(60 / peak);
      if (t >= horizon) return;
      if (random.next() * peak < scenario.arrivalsPerMinute(t / HOUR)) break;
    }
    events.push(t, { kind: "arrival" });
  };

  agents.forEach((agent, index) => {
    const { start, end } = agent.shift;
    events.push(start * HOUR, { kind: "login", agent: index });
    events.push(end * HOUR, { kind: "logout", agent: index });
    for (let k = 1; ; k += 1) {
      const away = (start + k * scenario.breakEveryHours + random.uniform(-0.3, 0.3)) * HOUR;
      const back = away + random.uniform(...scenario.breakMinutes) * 60;
      if (back > (end - 0.2) * HOUR) break;
      events.push(away, { kind: "away", agent: index });
      events.push(back, { kind: "back", agent: index });
    }
  });

  const startChat = (index: number, agent: SimAgent, ours: boolean) => {
    const slowdown = 1 + scenario.concurrencySlowdown * agent.activeChats;
    const handle = random.lognormal(scenario.handleMeanSeconds, scenario.handleCv) * slowdown;
    agent.activeChats += 1;
    events.push(now + handle, { kind: "finish", agent: index, ours, handle });
  };

  /** The other queues this agent serves take each freed slot with probability 1 - share. */
  const claimForOtherQueues = (index: number, agent: SimAgent, slots: number) => {
    for (let slot = 0; slot < slots; slot += 1)
      if (random.next() >= agent.shift.share) startChat(index, agent, false);
  };

  const dispatch = () => {
    while (queue.length > 0) {
      let chosen = -1;
      agents.forEach((agent, index) => {
        if (agent.status !== "available" || agent.activeChats >= agent.shift.maxChats) return;
        const best = agents[chosen];
        if (!best || agent.idleSince < best.idleSince) chosen = index;
      });
      const agent = agents[chosen];
      if (!agent) return;
      const customer = queue.shift() as Customer;
      customer.state = "answered";
      answered += 1;
      for (const prediction of customer.predictions) prediction.actualSeconds = now - prediction.at;
      stats = recordAnswered(stats, now - customer.arrivedAt, at());
      startChat(chosen, agent, true);
    }
  };

  const signedIn = (): EligibleAgent[] =>
    agents
      .filter((agent) => agent.status !== "offline")
      .map((agent) => ({
        maxChats: agent.shift.maxChats,
        activeChats: agent.activeChats,
        status: agent.status === "available" ? "available" : "away",
        share: agent.shift.share,
      }));

  const predict = (customer: Customer) => {
    if (now < warmup) return;
    const input = {
      position: queue.indexOf(customer) + 1,
      agents: signedIn(),
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

  scheduleArrival();
  for (let next = events.pop(); next; next = events.pop()) {
    now = next.time;
    const event = next.event;
    switch (event.kind) {
      case "arrival": {
        const customer: Customer = {
          id: customers.length,
          arrivedAt: now,
          state: "waiting",
          predictions: [],
        };
        customers.push(customer);
        queue.push(customer);
        predict(customer);
        events.push(now + random.lognormalMedian(scenario.patienceMedianSeconds, scenario.patienceSigma), {
          kind: "patience",
          customer: customer.id,
        });
        events.push(now + every, { kind: "predict", customer: customer.id });
        scheduleArrival();
        dispatch();
        break;
      }
      case "predict": {
        const customer = customers[event.customer];
        if (customer?.state !== "waiting") break;
        predict(customer);
        events.push(now + every, { kind: "predict", customer: customer.id });
        break;
      }
      case "patience": {
        const customer = customers[event.customer];
        if (customer?.state !== "waiting") break;
        customer.state = "abandoned";
        abandoned += 1;
        queue.splice(queue.indexOf(customer), 1);
        stats = recordAbandoned(stats, now - customer.arrivedAt, at());
        break;
      }
      case "finish": {
        const agent = agents[event.agent] as SimAgent;
        agent.activeChats -= 1;
        agent.idleSince = now;
        if (event.ours) stats = recordHandled(stats, event.handle, at());
        if (agent.status === "available") claimForOtherQueues(event.agent, agent, 1);
        dispatch();
        break;
      }
      case "login":
      case "back": {
        const agent = agents[event.agent] as SimAgent;
        if (event.kind === "back" && agent.status !== "away") break;
        agent.status = "available";
        agent.idleSince = now;
        claimForOtherQueues(event.agent, agent, agent.shift.maxChats - agent.activeChats);
        dispatch();
        break;
      }
      case "away": {
        const agent = agents[event.agent] as SimAgent;
        if (agent.status === "available") agent.status = "away";
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
    arrivals: customers.length,
    answered,
    abandoned,
    predictions,
  };
}
