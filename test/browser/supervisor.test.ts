import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { customerWaiting, launchBrowser, screenshot, signIn } from "./support/browser.ts";

const httpUrl = inject("httpUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// bypassCSP: axe-core is injected as a script, which the pages' CSP forbids.
const newPage = async () => (await browser.newContext({ bypassCSP: true })).newPage();

describe("supervisor page in Chromium", () => {
  it("monitors a chat, whispers to the agent unseen by the customer, barges in, and all three talk to the end", async () => {
    // prepare: a customer waiting, an agent who takes the chat, a supervisor signed in
    const stamp = Date.now() % 10_000;
    const [customer, agent, supervisor] = [await newPage(), await newPage(), await newPage()];
    onTestFailed(async () => {
      await screenshot(supervisor, "failed-supervisor");
      await screenshot(agent, "failed-supervisor-agent");
      await screenshot(customer, "failed-supervisor-customer");
    });
    const customerName = `Dana Whitfield ${stamp}`;
    await customerWaiting(customer, `${httpUrl}/`, customerName, "I was charged twice for one purchase");
    await signIn(agent, `${httpUrl}/agent`, "Kim Agent");
    await agent.getByLabel("Presence").selectOption("available");
    await agent.locator(".offer", { hasText: customerName }).getByRole("button", { name: "Accept" }).click();
    await agent.getByRole("tab", { name: customerName }).waitFor();
    await signIn(supervisor, `${httpUrl}/supervisor`, "Grace Supervisor");

    // act: the live queues are shown; the chat is listed and monitored
    await supervisor.locator("#queue-rows tr").first().waitFor();
    await supervisor.getByRole("button", { name: "Refresh list" }).click();
    const row = supervisor.locator(".listed-chat", { hasText: customerName });
    await row.getByRole("button", { name: "Monitor" }).click();
    const panel = supervisor.getByRole("article", { name: `Chat with ${customerName}` });
    await panel.getByRole("log").getByText("charged twice").waitFor();

    // act: the agent writes; the monitor reads it; the customer sees no sign of the monitor
    const agentPanel = agent.getByRole("tabpanel");
    await agentPanel.getByLabel("Message", { exact: true }).fill("Let me look at that charge.");
    await agentPanel.getByRole("button", { name: "Send", exact: true }).click();
    await panel.getByRole("log").getByText("Let me look at that charge.").waitFor();

    // act: whispers both ways
    const whisper = `Offer the fee refund ${stamp}`;
    await panel.getByLabel("Note to staff (the customer never sees it)").fill(whisper);
    await panel.getByRole("button", { name: "Whisper" }).click();
    await agentPanel.locator(".notes-panel").getByText(whisper).waitFor();
    await agentPanel.getByLabel("Note to staff (the customer never sees it)").fill(`Will do ${stamp}`);
    await agentPanel.getByRole("button", { name: "Whisper" }).click();
    await panel.locator(".notes-panel").getByText(`Will do ${stamp}`).waitFor();
    await agentPanel.getByLabel("Message", { exact: true }).fill("I can refund the fee for you.");
    await agentPanel.getByRole("button", { name: "Send", exact: true }).click();
    await customer.getByRole("log").getByText("I can refund the fee for you.").waitFor();

    // assess: nothing of the monitor or the notes reached the customer's page
    const seenByCustomer = (await customer.locator("body").textContent()) ?? "";
    expect(seenByCustomer).not.toContain(whisper);
    expect(seenByCustomer).not.toContain(`Will do ${stamp}`);
    expect(seenByCustomer).not.toContain("Grace Supervisor");

    // assess: the supervisor page with live queues, a monitored chat and notes passes axe
    expect(await seriousViolations(supervisor)).toEqual([]);
    await screenshot(supervisor, "supervisor-page");
    await screenshot(agent, "agent-desk-notes");

    // act: the supervisor barges in; the customer is told; all three talk
    await panel.getByRole("button", { name: "Barge in" }).click();
    await customer.getByText("A supervisor has joined the chat: Grace Supervisor.").waitFor();
    await panel
      .getByLabel("Message", { exact: true })
      .fill("Hello, I'm the supervisor. The refund is approved.");
    await panel.getByRole("button", { name: "Send", exact: true }).click();
    await customer.getByRole("log").getByText("The refund is approved.").waitFor();
    await agentPanel.getByRole("log").getByText("The refund is approved.").waitFor();
    await customer.getByLabel("Message").fill("Thank you both!");
    await customer.getByRole("button", { name: "Send" }).click();
    await panel.getByRole("log").getByText("Thank you both!").waitFor();
    await agentPanel.getByRole("log").getByText("Thank you both!").waitFor();
    await screenshot(supervisor, "supervisor-barged-in");

    // act: the customer ends the chat; everyone sees it ended
    await customer.getByRole("button", { name: "End chat" }).click();
    await customer.getByRole("region", { name: "Chat ended" }).waitFor();
    await panel.getByText(/Ended\. Case .+\./).waitFor({ timeout: 30_000 });

    // assess: still accessible after the barge-in, and the whisper never reached the customer
    expect(await seriousViolations(supervisor)).toEqual([]);
    expect((await customer.locator("body").textContent()) ?? "").not.toContain(whisper);
    await agent.getByLabel("Presence").selectOption("offline");
  }, 120_000);
});
