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

const newPage = async () => (await browser.newContext({ bypassCSP: true })).newPage();

describe("case tools in Chromium", () => {
  it("an agent logs a complaint and ends with a wrap-up; the customer rates the chat and looks the complaint up", async () => {
    // prepare: a customer waiting, an agent who accepts
    const [customer, agent] = [await newPage(), await newPage()];
    onTestFailed(async () => {
      await screenshot(agent, "failed-case-tools-agent");
      await screenshot(customer, "failed-case-tools-customer");
    });
    const name = `Rosa Diaz ${Date.now() % 10_000}`;
    await customerWaiting(customer, `${httpUrl}/`, name, "I was charged twice and nobody helped");
    await signIn(agent, `${httpUrl}/agent`, "Max Agent");
    await agent.getByLabel("Presence").selectOption("available");
    await agent.locator(".offer", { hasText: name }).getByRole("button", { name: "Accept" }).click();
    const panel = agent.getByRole("tabpanel");
    await panel.getByRole("log").getByText("charged twice").waitFor();

    // act: the agent opens the case tools and logs a complaint
    await panel.locator("summary", { hasText: /^Case CC-/ }).click();
    await panel.getByLabel("Complaint").fill("Charged twice; earlier calls went unanswered");
    await panel.getByRole("button", { name: "Log complaint" }).click();
    const logged = panel.getByText(/^Complaint logged as case CC-\d{6}-\w{6}\.$/);
    await logged.waitFor();
    const complaint = /CC-\d{6}-\w{6}/.exec((await logged.textContent()) ?? "")?.[0] ?? "";
    await customer
      .getByRole("log")
      .getByText(`Your complaint has been logged under case number ${complaint}`)
      .waitFor();
    expect(await seriousViolations(agent)).toEqual([]);
    await screenshot(agent, "case-tools-agent");

    // act: the agent moves the complaint along, then ends the chat with a wrap-up code
    await panel.getByLabel("Status").selectOption("in-progress");
    await panel.getByRole("button", { name: "Update case" }).click();
    await panel.getByText(`Case ${complaint} is now In progress.`).waitFor();
    await panel.getByLabel("Wrap-up code").fill("dispute-filed");
    await panel.getByRole("button", { name: "Finish with wrap-up" }).click();
    await panel.getByText(/^Ended\. Case CC-/).waitFor();
    await customer.getByRole("region", { name: "Chat ended" }).waitFor();

    // act: the customer rates the chat and looks the complaint up
    await customer.getByRole("radio", { name: "4" }).check();
    await customer.getByLabel("Comment (optional)").fill("Kind and quick");
    await customer.getByRole("button", { name: "Rate this chat" }).click();
    await customer.getByText("Thank you for your rating.").waitFor();
    await customer.getByLabel("Case number").fill(complaint.toLowerCase());
    await customer.getByRole("button", { name: "Look up" }).click();
    await customer.getByText(`Case ${complaint} (complaint): In progress`, { exact: false }).waitFor();

    // assess: the rating is taken once, and both pages stay accessible
    expect(await customer.getByRole("button", { name: "Rate this chat" }).isDisabled()).toBe(true);
    expect(await seriousViolations(customer)).toEqual([]);
    await screenshot(customer, "case-tools-customer");
    await agent.getByLabel("Presence").selectOption("offline");
  });
});
