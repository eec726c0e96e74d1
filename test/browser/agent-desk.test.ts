import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from "vitest";
import { customerWaiting, launchBrowser, screenshot, signIn } from "./support/browser.ts";

const httpUrl = inject("httpUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const newPage = async () => (await browser.newContext()).newPage();
const seconds = async (page: Page, name: string) =>
  Number(
    /Expires in (\d+) s/.exec((await page.locator(".offer", { hasText: name }).textContent()) ?? "")?.[1],
  );

describe("agent desk in Chromium", () => {
  it("holds two chats at once in keyboard tabs, keeps them over a reload, transfers one and escalates the other", async () => {
    // prepare: two customers waiting for an agent
    const stamp = Date.now() % 10_000;
    const [first, second, agent] = [await newPage(), await newPage(), await newPage()];
    onTestFailed(async () => {
      await screenshot(agent, "failed-agent-desk");
      await screenshot(first, "failed-agent-desk-customer");
    });
    const firstName = `Ana Lopez ${stamp}`;
    const secondName = `Ben Carter ${stamp}`;
    await customerWaiting(first, `${httpUrl}/`, firstName, "I was charged twice for one purchase");
    await customerWaiting(second, `${httpUrl}/`, secondName, "My card was declined abroad");

    // act: the agent becomes available and sees both offers counting down
    await signIn(agent, `${httpUrl}/agent`, "Kim Agent");
    await agent.getByLabel("Presence").selectOption("available");
    await agent.locator(".offer", { hasText: firstName }).waitFor();
    await agent.locator(".offer", { hasText: secondName }).waitFor();
    const before = await seconds(agent, firstName);
    // The countdown ticks every second: it must go down without a new frame from the server.
    await expect
      .poll(() => seconds(agent, firstName), { timeout: 5_000, interval: 200 })
      .toBeLessThan(before);
    await agent.locator(".offer", { hasText: firstName }).getByRole("button", { name: "Accept" }).click();
    await agent.getByRole("tab", { name: firstName }).waitFor();
    await agent.locator(".offer", { hasText: secondName }).getByRole("button", { name: "Accept" }).click();
    await agent.getByRole("tab", { name: secondName }).waitFor();

    // act: the agent reloads the desk; both chats come back with their history
    await agent.reload();
    await agent.getByRole("tab", { name: firstName }).waitFor();
    await agent.getByRole("tab", { name: secondName }).waitFor();
    await agent.getByRole("tabpanel").getByRole("log").getByText("declined abroad").waitFor();

    // assess: the second chat is selected; the arrow key selects the first
    expect(await agent.getByRole("tabpanel").getByRole("log").textContent()).toContain("declined abroad");
    await agent.getByRole("tab", { name: secondName }).focus();
    await agent.keyboard.press("ArrowLeft");
    expect(await agent.getByRole("tab", { name: firstName }).getAttribute("aria-selected")).toBe("true");
    expect(await agent.evaluate(() => document.activeElement?.textContent)).toBe(firstName);
    expect(await agent.getByRole("tabpanel").getByRole("log").textContent()).toContain("charged twice");

    // act: transfer the first chat with a note, escalate the second with a reason
    const firstPanel = agent.getByRole("tabpanel");
    await firstPanel.locator("summary", { hasText: "Transfer" }).click();
    await firstPanel.getByLabel("Queue id").fill("us-rewards-en");
    await firstPanel.getByLabel("Note for the next agent").fill("Duplicate charge, card ending 1005");
    await firstPanel.getByRole("button", { name: "Transfer" }).click();
    await firstPanel.getByText("Handed off to us-rewards-en.").waitFor();
    await first.getByText("Transferring you to another team…").waitFor();

    await agent.getByRole("tab", { name: secondName }).click();
    const secondPanel = agent.getByRole("tabpanel");
    await secondPanel.locator("summary", { hasText: "Escalate" }).click();
    await secondPanel.getByLabel("Reason").fill("Customer asks for a supervisor");
    await secondPanel.getByRole("button", { name: "Escalate" }).click();
    await secondPanel.getByText(/^Handed off to .+\.$/).waitFor();
    await second.getByText("Transferring you to another team…").waitFor();

    // assess: the handed-off chats take no more input at this desk
    expect(await secondPanel.getByLabel("Message").isDisabled()).toBe(true);

    // clean up: the customers end their chats, so no later test is offered them
    await agent.getByLabel("Presence").selectOption("offline");
    await Promise.all(
      [first, second].map(async (page) => {
        await page.getByRole("button", { name: "End chat" }).click();
        await page.getByRole("region", { name: "Chat ended" }).waitFor();
      }),
    );
  });
});
