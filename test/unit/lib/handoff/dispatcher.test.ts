import { describe, expect, it } from "vitest";
import type { AgentRecord, QueueEntry } from "../../../../functions/lib/data/agent-records.ts";
import { isEligible, offerTimeoutSeconds } from "../../../../functions/lib/handoff/dispatcher.ts";
import { parseRoutingConfig, type RoutingQueueInput } from "../../../../functions/lib/routing/index.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

const agent = (overrides: Partial<AgentRecord> = {}): AgentRecord => ({
  agentId: "agent-1",
  name: "Dana",
  role: "agent",
  queues: ["billing"],
  languages: ["en"],
  maxChats: 3,
  status: "available",
  activeChats: 1,
  idleSince: "2024-03-10T07:00:00.000Z",
  updatedAt: "2024-03-10T07:00:00.000Z",
  ...overrides,
});

const entry = (overrides: Partial<QueueEntry> = {}): QueueEntry => ({
  queueId: "billing",
  sk: "P999#2024-03-10T07:00:00.000Z#chat-1",
  chatId: "chat-1",
  customerId: "customer-1",
  priority: 0,
  enqueuedAt: "2024-03-10T07:00:00.000Z",
  queuedAt: "2024-03-10T07:00:00.000Z",
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

const depsWith = (...queues: RoutingQueueInput[]) => ({
  routing: parseRoutingConfig({
    version: "test-1",
    defaultQueueId: "general",
    supervisorQueueId: "supervisors",
    queues: [queue("general"), queue("supervisors", { kind: "supervisor" }), ...queues],
    defaultContactNumber: "the number on the back of your card",
  }),
});

describe("isEligible", () => {
  it("accepts an available agent with a free slot who serves the queue and speaks the language", () => {
    // Prepare
    const candidate = agent();

    // Act
    const eligible = isEligible(candidate, entry());

    // Assess
    expect(eligible).toBe(true);
  });

  it('accepts an agent who serves every queue ("*")', () => {
    // Prepare
    const candidate = agent({ queues: ["*"] });

    // Act
    const eligible = isEligible(candidate, entry({ queueId: "fraud" }));

    // Assess
    expect(eligible).toBe(true);
  });

  it("accepts an agent who serves the queue among others", () => {
    // Prepare
    const candidate = agent({ queues: ["disputes", "billing", "rewards"] });

    // Act
    const eligible = isEligible(candidate, entry());

    // Assess
    expect(eligible).toBe(true);
  });

  it.each([
    { spoken: "es", written: "es-MX" },
    { spoken: "es-MX", written: "es" },
    { spoken: "es-US", written: "es-MX" },
    { spoken: "ES", written: "es" },
    { spoken: "es", written: "ES-mx" },
  ])("matches an agent speaking $spoken with a chat in $written", ({ spoken, written }) => {
    // Prepare
    const candidate = agent({ languages: ["en", spoken] });

    // Act
    const eligible = isEligible(candidate, entry({ language: written }));

    // Assess
    expect(eligible).toBe(true);
  });

  it.each(["away", "offline"] as const)("refuses an agent who is %s", (status) => {
    // Prepare
    const candidate = agent({ status, activeChats: 0 });

    // Act
    const eligible = isEligible(candidate, entry());

    // Assess
    expect(eligible).toBe(false);
  });

  it.each([
    { activeChats: 3, maxChats: 3 },
    { activeChats: 4, maxChats: 3 },
    { activeChats: 0, maxChats: 0 },
  ])("refuses an agent holding $activeChats of $maxChats chats", ({ activeChats, maxChats }) => {
    // Prepare
    const candidate = agent({ activeChats, maxChats });

    // Act
    const eligible = isEligible(candidate, entry());

    // Assess
    expect(eligible).toBe(false);
  });

  it("refuses an agent who declined the chat earlier", () => {
    // Prepare
    const candidate = agent({ agentId: "agent-7" });
    const declined = entry({ declinedBy: new Set(["agent-3", "agent-7"]) });

    // Act
    const eligible = isEligible(candidate, declined);

    // Assess
    expect(eligible).toBe(false);
  });

  it("still accepts an agent when only others declined the chat", () => {
    // Prepare
    const candidate = agent({ agentId: "agent-7" });
    const declined = entry({ declinedBy: new Set(["agent-3", "agent-9"]) });

    // Act
    const eligible = isEligible(candidate, declined);

    // Assess
    expect(eligible).toBe(true);
  });

  it("refuses an agent who does not serve the queue", () => {
    // Prepare
    const candidate = agent({ queues: ["disputes", "rewards"] });

    // Act
    const eligible = isEligible(candidate, entry({ queueId: "billing" }));

    // Assess
    expect(eligible).toBe(false);
  });

  it.each([
    { spoken: ["en"], written: "es" },
    { spoken: ["en", "ja"], written: "es-MX" },
    { spoken: ["es"], written: "en" },
    { spoken: [], written: "en" },
  ])("refuses an agent speaking $spoken with a chat in $written", ({ spoken, written }) => {
    // Prepare
    const candidate = agent({ languages: spoken });

    // Act
    const eligible = isEligible(candidate, entry({ language: written }));

    // Assess
    expect(eligible).toBe(false);
  });
});

describe("offerTimeoutSeconds", () => {
  it("reads the queue's offer timeout", () => {
    // Prepare
    const deps = depsWith(queue("fraud", { offerTimeoutSeconds: 20 }));

    // Act
    const timeout = offerTimeoutSeconds(deps, "fraud");

    // Assess
    expect(timeout).toBe(20);
  });

  it("is 30 seconds for a queue that does not set one", () => {
    // Prepare
    const deps = depsWith(queue("fraud", { offerTimeoutSeconds: 20 }));

    // Act
    const timeout = offerTimeoutSeconds(deps, "general");

    // Assess
    expect(timeout).toBe(30);
  });

  it("is 30 seconds for a queue that is not configured", () => {
    // Prepare
    const deps = depsWith();

    // Act
    const timeout = offerTimeoutSeconds(deps, "no-such-queue");

    // Assess
    expect(timeout).toBe(30);
  });

  it("gives the shipped fraud queue its shorter offers", () => {
    // Prepare
    const deps = { routing: parseRoutingConfig(defaultRouting) };

    // Act
    const fraud = offerTimeoutSeconds(deps, "us-fraud-en");
    const consumer = offerTimeoutSeconds(deps, "us-consumer-en");

    // Assess
    expect(fraud).toBe(20);
    expect(consumer).toBe(30);
  });
});
