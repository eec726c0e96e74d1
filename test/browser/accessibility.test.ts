import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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

/** The focused element's outline: the pages promise a visible focus ring on every control. */
const focusOutline = (page: Page) =>
  page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    const style = getComputedStyle(focused);
    return { id: focused.id, tag: focused.tagName, outline: style.outlineStyle, width: style.outlineWidth };
  });

describe("accessibility of the pages", () => {
  it("the customer widget has no serious or critical axe violation, in English and Spanish", async () => {
    const page = await newPage();
    await page.goto(`${httpUrl}/`);
    await page.getByLabel("Name").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await customerWaiting(page, `${httpUrl}/`, "Rosa Diaz", "I have a question about my bill");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.title()).toBe("Chat with us");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Español" }).click();
    expect(await page.getAttribute("html", "lang")).toBe("es");
    expect(await page.title()).toBe("Chatee con nosotros");
    await page.getByRole("button", { name: "Hablar con un agente" }).waitFor();
    // The queue line is re-rendered in Spanish, the wait included (not the server's text in the chat's language).
    await page
      .getByText(
        /^Usted es el número \d+ en la cola\. Espera estimada: (unos \d+ min|menos de un minuto|no se puede estimar ahora)\.$/,
      )
      .waitFor();
    expect(await page.getByLabel("Mensaje").isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "customer-widget-spanish");

    await page.getByRole("button", { name: "Terminar chat" }).click();
    await page.getByRole("region", { name: "Chat terminado" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("the agent desk has no serious or critical axe violation, with an offer and an accepted chat", async () => {
    const customer = await newPage();
    const agent = await newPage();
    await agent.goto(`${httpUrl}/agent`);
    await agent.getByLabel("Name").waitFor();
    expect(await seriousViolations(agent)).toEqual([]);

    const name = `Lee Park ${Date.now() % 10_000}`;
    await customerWaiting(customer, `${httpUrl}/`, name, "I lost my card yesterday");
    await signIn(agent, `${httpUrl}/agent`, "Jo Agent");
    await agent.getByLabel("Presence").selectOption("available");
    const offer = agent.locator(".offer", { hasText: name });
    await offer.waitFor();
    expect(await agent.getByRole("status").filter({ hasText: "Available" }).count()).toBe(1);
    expect(await agent.locator("#announcer").textContent()).toContain(name);
    expect(await seriousViolations(agent)).toEqual([]);

    await offer.getByRole("button", { name: "Accept" }).click();
    await agent.getByRole("tabpanel").getByRole("log").getByText("I lost my card yesterday").waitFor();
    expect(await agent.title()).toBe("Agent desk");
    expect(await seriousViolations(agent)).toEqual([]);

    await agent.getByRole("tabpanel").getByRole("button", { name: "End chat" }).click();
    await agent
      .getByRole("tabpanel")
      .getByText(/^Ended\. Case CC-/)
      .waitFor();
    await agent.getByLabel("Presence").selectOption("offline");
  });

  it("a customer signs in, starts a chat and writes with the keyboard only, with a visible focus", async () => {
    const page = await newPage();
    await page.goto(`${httpUrl}/`);
    await page.getByLabel("Name").waitFor();
    // The sign-in form takes focus on load; Tab walks the controls in order, each with a focus ring.
    expect((await focusOutline(page)).id).toBe("login-name");
    const walked: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      await page.keyboard.press("Tab");
      const focus = await focusOutline(page);
      expect(focus.outline).toBe("solid");
      walked.push(focus.id || focus.tag);
    }
    expect(walked).toEqual(["login-segment", "login-country", "BUTTON"]);
    await page.keyboard.press("Enter");

    await page.getByLabel("How can we help?").waitFor();
    expect((await focusOutline(page)).id).toBe("start-text");
    await page.keyboard.type("Can I raise my credit limit?");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Start chat");
    await page.keyboard.press("Enter");

    const log = page.getByRole("log");
    await log.locator(".from-assistant").first().waitFor();
    expect((await focusOutline(page)).id).toBe("message");
    await page.keyboard.type("Thank you, that helps.");
    await page.keyboard.press("Enter");
    await log.getByText("Thank you, that helps.").waitFor();
    expect(await log.getAttribute("aria-live")).toBe("polite");
  });
});
