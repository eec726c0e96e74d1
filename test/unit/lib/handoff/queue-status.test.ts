import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AgentRecord, QueueEntry } from "../../../../functions/lib/data/agent-records.ts";
import { eligibleAgents, picture } from "../../../../functions/lib/handoff/queue-status.ts";
import { formatWait, initialStats } from "../../../../functions/lib/queueing/index.ts";
import { parseRoutingConfig, type RoutingQueueInput } from "../../../../functions/lib/routing/index.ts";

const NOW = Date.parse("2024-03-10T12:00:00.000Z");

const agent = (overrides: Partial<AgentRecord> = {}): AgentRecord => ({
  agentId: "agent-1",
  name: "Dana",
  role: "agent",
  queues: ["billing"],
  languages: ["en"],
  maxChats: 3,
  status: "available",
  activeChats: 1,
  idleSince: "2024-03-10T11:00:00.000Z",
  updatedAt: "2024-03-10T11:00:00.000Z",
  ...overrides,
});

const entry = (overrides: Partial<QueueEntry> = {}): QueueEntry => ({
  queueId: "billing",
  sk: "P999#2024-03-10T12:00:00.000Z#chat-1",
  chatId: "chat-1",
  customerId: "customer-1",
  priority: 0,
  enqueuedAt: "2024-03-10T12:00:00.000Z",
  queuedAt: "2024-03-10T12:00:00.000Z",
  language: "en",
  state: "waiting",
  context: { language: "en", country: "US", segment: "consumer", customerName: "Alex", details: {} },
  ...overrides,
});

const queue = (id: string, fields: Partial<RoutingQueueInput> = {}): RoutingQueueInput => ({
  id,
  name: `Queue ${id}`,
  countries: "*",
  languages: "*",
  segments: "*",
  topics: "*",
  hours: { timeZone: "America/New_York", schedule: "24/7" },
  ...fields,
});

const depsWith = (ids: readonly string[]) => ({
  routing: parseRoutingConfig({
    version: "test-1",
    defaultQueueId: "general",
    supervisorQueueId: "supervisors",
    queues: [queue("general"), queue("supervisors", { kind: "supervisor" }), ...ids.map((id) => queue(id))],
    defaultContactNumber: "the number on the back of your card",
  }),
});

/** Seven queues in all: an agent serving "*" serves more than the share cap of four. */
const deps = depsWith(["billing", "cards", "fraud", "disputes", "spanish"]);

describe("eligibleAgents", () => {
  it("counts only agents who serve the queue and speak the customer's language", () => {
    // Prepare: maxChats tells the agents apart
    const online = [
      agent({ agentId: "serves-and-speaks", maxChats: 1 }),
      agent({ agentId: "wrong-language", maxChats: 2, languages: ["es"] }),
      agent({ agentId: "wrong-queue", maxChats: 3, queues: ["cards"] }),
      agent({ agentId: "every-queue", maxChats: 4, queues: ["*"] }),
      agent({
        agentId: "one-of-several",
        maxChats: 5,
        queues: ["cards", "billing"],
        languages: ["ja", "en"],
      }),
    ];

    // Act
    const eligible = eligibleAgents(deps, online, entry());

    // Assess
    expect(eligible.map((candidate) => candidate.maxChats)).toEqual([1, 4, 5]);
  });

  it("counts nobody when nobody is signed in", () => {
    // Act
    const eligible = eligibleAgents(deps, [], entry());

    // Assess
    expect(eligible).toEqual([]);
  });

  it.each([
    { spoken: "es", written: "es-MX" },
    { spoken: "es-MX", written: "es" },
    { spoken: "es-US", written: "es-MX" },
  ])("counts an agent speaking $spoken for a chat in $written", ({ spoken, written }) => {
    // Prepare
    const online = [agent({ languages: [spoken] })];

    // Act
    const eligible = eligibleAgents(deps, online, entry({ language: written }));

    // Assess
    expect(eligible).toHaveLength(1);
  });

  it("does not count an English-speaking agent for a Spanish chat", () => {
    // Prepare
    const online = [agent({ languages: ["en", "en-GB"] })];

    // Act
    const eligible = eligibleAgents(deps, online, entry({ language: "es-MX" }));

    // Assess
    expect(eligible).toEqual([]);
  });

  it("passes on the agent's slots and maps away agents to away", () => {
    // Prepare
    const online = [
      agent({ status: "available", maxChats: 3, activeChats: 1 }),
      agent({ agentId: "agent-2", status: "away", maxChats: 2, activeChats: 2 }),
    ];

    // Act
    const eligible = eligibleAgents(deps, online, entry());

    // Assess
    expect(eligible).toEqual([
      { maxChats: 3, activeChats: 1, status: "available", share: 1 },
      { maxChats: 2, activeChats: 2, status: "away", share: 1 },
    ]);
  });

  it.each([
    { queues: ["billing"], share: 1 },
    { queues: ["billing", "cards"], share: 1 / 2 },
    { queues: ["billing", "cards", "fraud"], share: 1 / 3 },
    { queues: ["billing", "cards", "fraud", "disputes"], share: 1 / 4 },
    { queues: ["billing", "cards", "fraud", "disputes", "spanish", "general"], share: 1 / 4 },
    { queues: ["*"], share: 1 / 4 },
  ])("gives an agent serving $queues a share of $share", ({ queues, share }) => {
    // Prepare
    const online = [agent({ queues })];

    // Act
    const [eligible] = eligibleAgents(deps, online, entry());

    // Assess
    expect(eligible?.share).toBeCloseTo(share, 12);
  });

  it('counts "*" as every configured queue when there are fewer than four', () => {
    // Prepare: "general", "supervisors" and "billing"
    const small = depsWith(["billing"]);
    const online = [agent({ queues: ["*"] })];

    // Act
    const [eligible] = eligibleAgents(small, online, entry());

    // Assess
    expect(eligible?.share).toBeCloseTo(1 / 3, 12);
  });
});

describe("picture", () => {
  const stats = initialStats();

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("has no estimate, and says so, when no agent is signed in", () => {
    // Act
    const wait = picture(deps, entry(), 2, [], stats);

    // Assess
    expect(wait).toEqual({
      position: 2,
      estimatedWaitSeconds: null,
      estimatedWaitText: "We can't estimate the wait right now",
    });
  });

  it("has no estimate when the only signed-in agents cannot take the chat", () => {
    // Prepare
    const online = [agent({ languages: ["ja"] }), agent({ agentId: "agent-2", queues: ["cards"] })];

    // Act
    const wait = picture(deps, entry(), 1, online, stats);

    // Assess
    expect(wait.estimatedWaitSeconds).toBeNull();
    expect(wait.estimatedWaitText).toBe("We can't estimate the wait right now");
  });

  it("has no estimate when every eligible agent is away", () => {
    // Prepare
    const online = [agent({ status: "away", activeChats: 0 })];

    // Act
    const wait = picture(deps, entry(), 1, online, stats);

    // Assess
    expect(wait.estimatedWaitSeconds).toBeNull();
  });

  it("promises less than a minute when an agent has a free slot", () => {
    // Prepare
    const online = [agent({ maxChats: 3, activeChats: 1 })];

    // Act
    const wait = picture(deps, entry(), 1, online, stats);

    // Assess
    expect(wait).toEqual({ position: 1, estimatedWaitSeconds: 0, estimatedWaitText: "less than 1 minute" });
  });

  it("estimates a wait in whole seconds, with matching text, when every slot is taken", () => {
    // Prepare
    const online = [agent({ maxChats: 2, activeChats: 2 })];

    // Act
    const wait = picture(deps, entry({ enqueuedAt: new Date(NOW - 30_000).toISOString() }), 3, online, stats);

    // Assess
    expect(wait.position).toBe(3);
    expect(wait.estimatedWaitSeconds).toBeGreaterThan(60);
    expect(Number.isInteger(wait.estimatedWaitSeconds)).toBe(true);
    expect(wait.estimatedWaitText).toMatch(/^about \d+ minutes?$/);
    expect(wait.estimatedWaitText).toBe(formatWait(wait.estimatedWaitSeconds, "en"));
  });

  it.each(["es", "es-MX"])("speaks Spanish to a customer writing in %s", (language) => {
    // Prepare
    const online = [agent({ languages: ["es"], activeChats: 0 })];

    // Act
    const wait = picture(deps, entry({ language }), 1, online, stats);

    // Assess
    expect(wait.estimatedWaitSeconds).toBe(0);
    expect(wait.estimatedWaitText).toBe("menos de 1 minuto");
  });

  it("tells a Spanish-speaking customer in Spanish that there is no estimate", () => {
    // Act
    const wait = picture(deps, entry({ language: "es" }), 4, [], stats);

    // Assess
    expect(wait.estimatedWaitSeconds).toBeNull();
    expect(wait.estimatedWaitText).toBe("No podemos estimar la espera en este momento");
  });
});

describe("regressions", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts an agent whose token spells the language in capitals, as the dispatcher does", () => {
    // Prepare
    const deps = depsWith(["billing"]);

    // Act
    const agents = eligibleAgents(deps, [agent({ languages: ["EN"] })], entry());

    // Assess
    expect(agents).toHaveLength(1);
  });

  it("words the estimate from the very number it sends, so the two never disagree", () => {
    // Prepare
    const deps = depsWith(["billing"]);
    const stats = { ...initialStats(), handleTimeSeconds: 85, abandonRate: 0, lateAbandonRate: 0 };

    // Act
    const result = picture(deps, entry(), 1, [agent({ maxChats: 1, activeChats: 1 })], stats);

    // Assess
    expect(result.estimatedWaitText).toBe(formatWait(result.estimatedWaitSeconds, "en"));
  });
});
