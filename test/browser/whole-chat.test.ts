import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.ts";

const httpUrl = inject("httpUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const texts = (log: Locator) => log.locator("li .text").allTextContents();

describe("customer widget and agent desk in Chromium", () => {
  it("complete a whole chat, with a reload of the customer page mid-chat", async () => {
    // prepare: two people in two browser contexts (separate sessionStorage, as two computers)
    const customer = await (await browser.newContext()).newPage();
    const agent = await (await browser.newContext()).newPage();
    const customerName = `Dana Whitfield ${Date.now() % 10_000}`;

    // act: the customer starts a chat and asks for an agent
    await signIn(customer, `${httpUrl}/`, customerName);
    await customer.getByLabel("Topic").selectOption("dispute");
    await customer
      .getByLabel("How can we help?")
      .fill("I want to dispute a charge of $127.43 from XYZ Store");
    await customer.getByRole("button", { name: "Start chat" }).click();
    const customerLog = customer.getByRole("log");
    await customerLog.locator(".from-assistant").first().waitFor();
    await customer.getByRole("button", { name: "Talk to an agent" }).click();
    await customer.getByText(/You are number \d+ in the queue\. Estimated wait: .+\./).waitFor();

    // act: the agent signs in, becomes available and accepts the offer
    await signIn(agent, `${httpUrl}/agent`, "Sam Rivera");
    await agent.getByLabel("Presence").selectOption("available");
    await agent.getByText(/^Available: 0 of 3 chats$/).waitFor();
    const offer = agent.locator(".offer", { hasText: customerName });
    await offer.waitFor();
    expect(await offer.textContent()).toMatch(/Expires in \d+ s/);
    expect(await offer.textContent()).toContain("dispute");
    await screenshot(agent, "agent-desk-offer");
    await offer.getByRole("button", { name: "Accept" }).click();
    const panel = agent.getByRole("tabpanel");
    const agentLog = panel.getByRole("log");
    await agentLog.getByText("I want to dispute a charge").waitFor();
    await customer.getByRole("status").getByText("Sam Rivera joined the chat.").waitFor();

    // act: both write
    await panel.getByLabel("Message").fill("Hello, I can help with that dispute.");
    await panel.getByLabel("Message").press("Enter");
    await customerLog.getByText("Hello, I can help with that dispute.").waitFor();
    await customer.getByLabel("Message").pressSequentially("It was on my Gold Card.");
    await panel.getByText(`${customerName} is typing…`).waitFor();
    await customer.getByRole("button", { name: "Send" }).click();
    await agentLog.getByText("It was on my Gold Card.").waitFor();
    await screenshot(customer, "customer-widget-chat");
    const beforeReload = await texts(customerLog);

    // act: the customer reloads mid-chat and keeps chatting
    await customer.reload();
    await customerLog.getByText("It was on my Gold Card.").waitFor();
    await expect.poll(() => texts(customerLog)).toEqual(beforeReload);
    await customer.getByLabel("Message").fill("Still here after a reload.");
    await customer.getByLabel("Message").press("Enter");
    await agentLog.getByText("Still here after a reload.").waitFor();
    await customerLog.getByText("Still here after a reload.").waitFor();

    // act: the agent ends the chat
    await screenshot(agent, "agent-desk-chat");
    await panel.getByRole("button", { name: "End chat" }).click();

    // assess: the customer sees the case number and summary, the agent the same case number
    await customer.getByRole("region", { name: "Chat ended" }).waitFor();
    const caseNumber = (await customer.locator("#case-number").textContent()) ?? "";
    expect(caseNumber).toMatch(/^CC-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect((await customer.locator("#summary").textContent())?.length ?? 0).toBeGreaterThan(10);
    await panel.getByText(`Ended. Case ${caseNumber}.`).waitFor();
    expect(await customer.getByLabel("Message").isDisabled()).toBe(true);
    const messages = await texts(customerLog);
    expect(messages.filter((text) => text === "Still here after a reload.")).toHaveLength(1);
    expect(
      new Set(
        await customerLog
          .locator("li")
          .evaluateAll((items) => items.map((item) => item.getAttribute("data-seq"))),
      ).size,
    ).toBe(messages.length);
    await screenshot(customer, "customer-widget-ended");
  });
});
