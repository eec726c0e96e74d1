import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CASE_NUMBER_PATTERN } from "../../functions/lib/cases/case-number.ts";
import { eventDetailSchemas } from "../../functions/lib/events/event-schemas.ts";
import { fastRouting } from "./fixtures/fast-routing.ts";
import { ChatClient, customerClaims, devToken, type Frame } from "./support/chat-client.ts";
import { available, connectAgent, offerFor } from "./support/handoff-stack.ts";
import { type LocalProcess, startLocalProcess } from "./support/local-process.ts";
import { scanLocalTable } from "./support/local-table.ts";

/**
 * Cases on the running local stack: the case number from the chat's start, complaints, status
 * updates with their history, wrap-up, rating, the customer's later lookup, and the events the bank's
 * systems receive. GB chats go to `gb-consumer-en`, whose routing entry has its own wrap-up codes.
 */
const execFileAsync = promisify(execFile);
const projectRoot = resolve(fileURLToPath(import.meta.url), "../../..");
const WRAP_UP_CODES = ["dispute-filed", "card-replaced", "resolved-first-contact"];
const CARD = "4111 1111 1111 1111";
let stack: LocalProcess;
const open: ChatClient[] = [];

beforeAll(async () => {
  const routing = fastRouting();
  routing.queues = routing.queues.map((queue) =>
    queue.id === "gb-consumer-en" ? { ...queue, wrapUpCodes: WRAP_UP_CODES } : queue,
  );
  const file = join(mkdtempSync(join(tmpdir(), "carechat-routing-")), "routing.json");
  writeFileSync(file, JSON.stringify(routing));
  stack = await startLocalProcess({ env: { CARECHAT_ROUTING_FILE: file, CARECHAT_TICK_MS: "1000" } });
}, 60_000);

/**
 * Staff sign out when their test ends. One left available would be the longest idle agent of
 * gb-consumer-en (its slot came back when its chat ended) and be offered the next test's chat first.
 */
const staffOfThisTest: ChatClient[] = [];
afterEach(async () => {
  const signingOut = staffOfThisTest.splice(0);
  await Promise.all(
    signingOut.filter((client) => client.isOpen).map((client) => available(client, "offline")),
  );
});

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  await stack?.stop();
});

async function connect(claims: Record<string, unknown>) {
  const client = await ChatClient.connect(stack.wsUrl, await devToken(stack.httpUrl, claims));
  open.push(client);
  return client;
}

async function agent(queues = ["gb-consumer-en"], role: "agent" | "supervisor" = "agent") {
  const connected = await connectAgent(stack, {
    queues,
    role,
    name: role === "agent" ? "Sam Agent" : "Kim Lead",
  });
  open.push(connected.client);
  staffOfThisTest.push(connected.client);
  return connected;
}

async function startChat(client: ChatClient, text?: string) {
  return client.request({ action: "startChat", ...(text ? { text } : {}) }, "chatStarted");
}

/** A GB customer's chat taken by a new agent of gb-consumer-en. */
async function assignedChat() {
  const claims = customerClaims({ country: "GB", locale: "en-GB" });
  const customer = await connect(claims);
  const started = await startChat(customer, "I want to dispute a charge");
  const chatId = String(started.chatId);
  const staff = await agent();
  await available(staff.client);
  await customer.request({ action: "requestAgent", chatId }, "queued");
  const offer = await staff.client.next(offerFor(chatId), 20_000);
  const assigned = await staff.client.request({ action: "acceptChat", chatId }, "chatAssigned");
  await customer.nextOfType("agentJoined");
  return { claims, customer, chatId, caseNumber: String(started.caseNumber), staff, offer, assigned };
}

async function events(): Promise<{ detailType: string; source: string; detail: Record<string, unknown> }[]> {
  const response = await fetch(`${stack.httpUrl}/dev/events`);
  return ((await response.json()) as { events: never[] }).events;
}

async function eventsUntil(done: (all: Awaited<ReturnType<typeof events>>) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const all = await events();
    if (done(all)) return all;
    if (Date.now() > deadline) throw new Error(`Events not seen: ${JSON.stringify(all).slice(-2_000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const textOf = (frame: Frame) => String(frame.text);

describe("the case number from the start", () => {
  it("is given in chatStarted, by the assistant in English and Spanish, in listChats, and kept at the end", async () => {
    // Prepare
    const english = await connect(customerClaims());
    const spanish = await connect(customerClaims({ locale: "es-US" }));

    // Act
    const started = await startChat(english);
    const chatId = String(started.chatId);
    const asked = await english.request(
      { action: "sendMessage", chatId, clientMessageId: "q1", text: "Can I get a case number?" },
      "ack",
    );
    const answer = await english.next(
      (frame) => frame.type === "message" && frame.seq === Number(asked.seq) + 1,
    );
    const listed = await english.request({ action: "listChats" }, "chats");
    const startedEs = await startChat(spanish, "¿Me puede dar un número de caso?");
    const answerEs = await spanish.next(
      (frame) =>
        frame.type === "message" &&
        (frame.from as Frame).role === "assistant" &&
        textOf(frame).includes("caso"),
    );
    await english.request({ action: "endChat", chatId }, "chatEnding");
    const ended = await english.nextOfType("chatEnded", 20_000);

    // Assess
    expect(String(started.caseNumber)).toMatch(CASE_NUMBER_PATTERN);
    expect(textOf(answer)).toContain(String(started.caseNumber));
    expect(textOf(answer)).toMatch(/^Your case number is/);
    expect((listed.chats as Frame[]).find((chat) => chat.chatId === chatId)?.caseNumber).toBe(
      started.caseNumber,
    );
    expect(textOf(answerEs)).toContain(`Su número de caso es ${String(startedEs.caseNumber)}`);
    expect(ended.caseNumber).toBe(started.caseNumber);
  });
});

describe("cases with an agent", () => {
  it("shows the agent the number, logs a complaint the customer is told of, updates it, wraps up and rates", async () => {
    // Prepare
    const { claims, customer, chatId, caseNumber, staff, offer, assigned } = await assignedChat();
    const stranger = await connect(customerClaims({ country: "GB", locale: "en-GB" }));

    // Act
    const logged = await staff.client.request(
      { action: "logComplaint", chatId, text: `Charged twice on card ${CARD} and nobody called back` },
      "complaintLogged",
    );
    const complaintNumber = String(logged.caseNumber);
    const notice = await customer.next(
      (frame) => frame.type === "message" && textOf(frame).includes(complaintNumber),
    );
    const mine = await customer.request(
      { action: "getCase", caseNumber: complaintNumber.toLowerCase() },
      "case",
    );
    const notMine = await stranger.request({ action: "getCase", caseNumber: complaintNumber }, "case");
    const noSuch = await stranger.request({ action: "getCase", caseNumber: "CC-000101-000000" }, "case");
    const byCustomer = await customer.request(
      { action: "updateCase", caseNumber: complaintNumber, status: "closed" },
      "case",
    );
    const working = await staff.client.request(
      {
        action: "updateCase",
        caseNumber: complaintNumber,
        status: "in-progress",
        note: `Card ${CARD} checked`,
      },
      "case",
    );
    const closed = await staff.client.request(
      { action: "updateCase", caseNumber: complaintNumber, status: "closed" },
      "case",
    );
    const reopened = await staff.client.request(
      { action: "updateCase", caseNumber: complaintNumber, status: "open" },
      "case",
    );
    const rateEarly = await customer.request({ action: "rateChat", chatId, score: 5 }, "chatRated");
    const wrongCode = await staff.client.request(
      { action: "endChat", chatId, wrapUp: { code: "billing-explained" } },
      "chatEnding",
    );
    const stillOpen = await customer.request({ action: "getTranscript", chatId }, "transcript");
    const ending = await staff.client.request(
      { action: "endChat", chatId, wrapUp: { code: "dispute-filed", note: `Refund to ${CARD}` } },
      "chatEnding",
    );
    const ended = await customer.nextOfType("chatEnded", 20_000);
    const rated = await customer.request(
      { action: "rateChat", chatId, score: 4, comment: `Fast, card ${CARD}` },
      "chatRated",
    );
    const ratedAgain = await customer.request({ action: "rateChat", chatId, score: 1 }, "chatRated");
    const wrappedAgain = await staff.client.request(
      { action: "wrapUp", chatId, code: "card-replaced" },
      "wrappedUp",
    );
    const chatCase = await staff.client.request({ action: "getCase", caseNumber }, "case");
    const nextDay = await connect(claims);
    const later = await nextDay.request({ action: "getCase", caseNumber: complaintNumber }, "case");

    // Assess
    expect(offer.context).toMatchObject({ caseNumber });
    expect(assigned.context).toMatchObject({ caseNumber });
    expect(complaintNumber).toMatch(CASE_NUMBER_PATTERN);
    expect(complaintNumber).not.toBe(caseNumber);
    expect(notice.from).toMatchObject({ role: "system" });
    expect(mine).toMatchObject({
      type: "case",
      caseNumber: complaintNumber,
      chatId,
      kind: "complaint",
      status: "open",
    });
    expect(mine.text).toBeUndefined();
    expect(notMine).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(noSuch).toMatchObject({ type: "error", code: "NOT_FOUND", message: notMine.message });
    expect(byCustomer).toMatchObject({ type: "error", code: "FORBIDDEN" });
    expect(working).toMatchObject({ type: "case", status: "in-progress" });
    const history = working.history as Frame[];
    expect(history.map((entry) => entry.status)).toEqual(["open", "in-progress"]);
    expect(history[1]).toMatchObject({ by: { role: "agent", id: staff.id, name: "Sam Agent" } });
    expect(String(history[1]?.note)).toContain("1111");
    expect(String(history[1]?.note)).not.toContain("4111 1111");
    expect(String(working.text)).toContain("Charged twice");
    expect(closed).toMatchObject({ type: "case", status: "closed" });
    expect(reopened).toMatchObject({ type: "error", code: "CONFLICT" });
    expect(rateEarly).toMatchObject({ type: "error", code: "CONFLICT" });
    expect(wrongCode).toMatchObject({ type: "error", code: "BAD_REQUEST" });
    expect(stillOpen.state).toBe("assigned");
    expect(ending).toMatchObject({ type: "chatEnding", chatId });
    expect(ended.caseNumber).toBe(caseNumber);
    expect(rated).toMatchObject({ type: "chatRated", chatId });
    expect(ratedAgain).toMatchObject({ type: "error", code: "CONFLICT" });
    expect(wrappedAgain).toMatchObject({ type: "error", code: "CONFLICT" });
    expect(chatCase).toMatchObject({
      kind: "chat",
      status: "resolved",
      wrapUp: { code: "dispute-filed" },
      rating: { score: 4 },
      rated: true,
    });
    expect((chatCase.history as Frame[]).at(-1)).toMatchObject({
      status: "resolved",
      by: { role: "system" },
    });
    expect(JSON.stringify(chatCase)).not.toContain("4111 1111");
    expect(later).toMatchObject({ type: "case", caseNumber: complaintNumber, status: "closed" });
    expect((later.history as Frame[]).map((entry) => entry.status)).toEqual([
      "open",
      "in-progress",
      "closed",
    ]);
    expect(JSON.stringify(later)).not.toContain(staff.id);
  }, 90_000);

  it("takes the wrap-up after the end, counts codes and ratings per queue, and publishes every change", async () => {
    // Prepare
    const { customer, chatId, caseNumber, staff } = await assignedChat();
    await staff.client.request({ action: "endChat", chatId }, "chatEnding");
    await customer.nextOfType("chatEnded", 20_000);

    // Act
    const unknown = await staff.client.request(
      { action: "wrapUp", chatId, code: "no-such-code" },
      "wrappedUp",
    );
    const wrapped = await staff.client.request(
      { action: "wrapUp", chatId, code: "resolved-first-contact", note: `Told about ${CARD}` },
      "wrappedUp",
    );
    await customer.request({ action: "rateChat", chatId, score: 2, comment: "Slow" }, "chatRated");
    const all = await eventsUntil((list) =>
      list.some((event) => event.detailType === "Chat Rated" && event.detail.chatId === chatId),
    );
    const items = await scanLocalTable(stack);

    // Assess
    expect(unknown).toMatchObject({ type: "error", code: "BAD_REQUEST" });
    expect(wrapped).toMatchObject({ type: "wrappedUp", chatId, caseNumber, code: "resolved-first-contact" });
    const mine = all.filter((event) => event.detail.chatId === chatId);
    expect(mine.map((event) => event.detailType)).toEqual([
      "Case Created",
      "Case Status Changed",
      "Chat Wrapped Up",
      "Chat Rated",
    ]);
    for (const event of all) {
      expect(event.source).toBe("carechat");
      const schema = eventDetailSchemas[event.detailType as keyof typeof eventDetailSchemas];
      expect(schema.safeParse(event.detail).error?.issues ?? []).toEqual([]);
    }
    expect(mine[1]?.detail).toMatchObject({
      caseNumber,
      from: "open",
      to: "resolved",
      by: { role: "system" },
    });
    expect(mine[2]?.detail).toMatchObject({
      code: "resolved-first-contact",
      queueId: "gb-consumer-en",
      by: { id: staff.id },
    });
    expect(mine[3]?.detail).toMatchObject({ score: 2, comment: "Slow", queueId: "gb-consumer-en" });
    expect(all.some((event) => event.detailType === "Complaint Logged")).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/4111[ -]?1111[ -]?1111/);
    const outcomes = items.find((item) => item.pk === "QUEUE#gb-consumer-en" && item.sk === "OUTCOMES");
    expect(outcomes).toMatchObject({ "wrapUp:resolved-first-contact": 1, "wrapUp:dispute-filed": 1 });
    expect(Number(outcomes?.ratings)).toBe(2);
    expect(Number(outcomes?.ratingSum)).toBe(6);
    expect(JSON.stringify(items)).not.toMatch(/4111[ -]?1111[ -]?1111/);
  }, 90_000);
});

describe("erasure of cases", () => {
  it("erases a customer's chat case and the complaints logged in their chats", async () => {
    // Prepare
    const { claims, customer, chatId, caseNumber, staff } = await assignedChat();
    const logged = await staff.client.request(
      { action: "logComplaint", chatId, text: "Rude agent" },
      "complaintLogged",
    );
    await staff.client.request({ action: "endChat", chatId }, "chatEnding");
    await customer.nextOfType("chatEnded", 20_000);

    // Act
    const { stdout } = await execFileAsync(
      process.execPath,
      ["--import", "tsx", "scripts/erase-customer.ts", "--sub", String(claims.sub)],
      { cwd: projectRoot, env: { ...withoutTableName(), CARECHAT_DATA_DIR: stack.dataDir } },
    );
    const report = JSON.parse(stdout) as { erased: boolean; counts: { cases: number } };
    const lookup = await customer.request(
      { action: "getCase", caseNumber: String(logged.caseNumber) },
      "case",
    );
    const items = await scanLocalTable(stack);

    // Assess
    expect(report).toMatchObject({ erased: true, counts: { cases: 2 } });
    expect(lookup).toMatchObject({ type: "error", code: "NOT_FOUND" });
    const left = items.filter(
      (item) => item.pk === `CASE#${caseNumber}` || item.pk === `CASE#${String(logged.caseNumber)}`,
    );
    expect(left).toEqual([]);
  }, 90_000);
});

function withoutTableName(): NodeJS.ProcessEnv {
  const { TABLE_NAME: _unused, ...inherited } = process.env;
  return inherited;
}
