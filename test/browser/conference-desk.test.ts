import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from "vitest";
import { customerWaiting, launchBrowser, screenshot } from "./support/browser.ts";

const httpUrl = inject("httpUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const newPage = async () => (await browser.newContext()).newPage();

/** Signs in on the desk with the given queues and becomes available; returns the agent's id. */
async function deskAgent(page: Page, name: string, queues: string): Promise<string> {
  await page.goto(`${httpUrl}/agent`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Queues").fill(queues);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Presence").selectOption("available");
  await page.getByText(/^Available: \d+ of \d+ chats$/).waitFor();
  return page.evaluate(
    () => JSON.parse(sessionStorage.getItem("carechat.agent.claims") ?? "{}").sub as string,
  );
}

describe("conference on the agent desk in Chromium", () => {
  it("invites a colleague by id, shows the conference offer, both agents and the customer see the join, canned text goes to the composer, and the holder leaves", async () => {
    // Prepare: a customer held by Kim, and Riley signed in for travel only.
    const stamp = Date.now() % 10_000;
    const [customer, kim, riley] = [await newPage(), await newPage(), await newPage()];
    onTestFailed(async () => {
      await screenshot(kim, "failed-conference-holder");
      await screenshot(riley, "failed-conference-invitee");
    });
    const customerName = `Ana Lopez ${stamp}`;
    await customerWaiting(customer, `${httpUrl}/`, customerName, "I am travelling to Japan next week");
    // Kim takes the chat before Riley signs in: a travel chat may be routed to the travel desk itself.
    await deskAgent(kim, `Kim ${stamp}`, "*");
    await kim.locator(".offer", { hasText: customerName }).getByRole("button", { name: "Accept" }).click();
    const rileyId = await deskAgent(riley, `Riley ${stamp}`, "us-travel-en");
    const kimPanel = kim.getByRole("tabpanel");
    await kimPanel.getByRole("log").waitFor();

    // Act: Kim invites Riley with a reason.
    await kimPanel.locator("summary", { hasText: "Invite a colleague" }).click();
    await kimPanel.getByLabel("Or invite agent (id)").fill(rileyId);
    await kimPanel.getByLabel("Why (staff only)").fill("Travel notice before the trip");
    await kimPanel.getByRole("button", { name: "Invite", exact: true }).click();
    const offer = riley.locator(".offer", { hasText: customerName });
    await offer.getByText(`Conference invitation from Kim ${stamp}: Travel notice before the trip`).waitFor();
    await offer.getByRole("button", { name: "Accept" }).click();

    // Assess: everyone hears who joined; the customer is not shown the reason.
    await riley.getByRole("tab", { name: customerName }).waitFor();
    await kimPanel
      .getByText(`Riley ${stamp} accepted the invitation.`)
      .or(kimPanel.getByText(`Riley ${stamp} joined the chat.`))
      .first()
      .waitFor();
    await customer.getByText(`Riley ${stamp} has joined the chat to help with your request.`).waitFor();
    expect(await customer.getByRole("log").textContent()).not.toContain("Travel notice");

    // Act: Kim inserts a canned response, edits nothing, and sends it.
    await kimPanel.locator("summary", { hasText: "Canned responses" }).click();
    await kimPanel.getByRole("button", { name: "Load responses" }).click();
    await kimPanel.getByLabel("Response").selectOption({ label: "Closing the chat" });
    await kimPanel.getByRole("button", { name: "Insert" }).click();
    const composer = kimPanel.getByLabel("Message");
    await expect.poll(() => composer.inputValue()).toContain(`Thank you for chatting with us today, Ana.`);
    await kimPanel.getByRole("button", { name: "Send" }).click();
    await riley
      .getByRole("tabpanel")
      .getByText(/Thank you for chatting with us today, Ana\./)
      .waitFor();
    await screenshot(kim, "conference-desk-holder");

    // Act: Kim leaves; Riley now holds the chat and the customer is told.
    await kimPanel.getByRole("button", { name: "Leave chat" }).click();
    await kimPanel.getByText("You left the chat.").first().waitFor();
    const handedOver = `Kim ${stamp} has left the chat. Riley ${stamp} is still with you.`;
    await customer.getByText(handedOver).waitFor();
    await riley.getByRole("tabpanel").getByRole("log").getByText(handedOver).waitFor();
    await screenshot(riley, "conference-desk-invitee");

    // Clean up: the customer ends the chat; both agents go offline.
    await customer.getByRole("button", { name: "End chat" }).click();
    await customer.getByRole("region", { name: "Chat ended" }).waitFor();
    for (const page of [kim, riley]) await page.getByLabel("Presence").selectOption("offline");
  }, 90_000);
});
