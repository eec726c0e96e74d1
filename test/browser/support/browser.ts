import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's chromium package; no browser is ever downloaded (the machines reach package registries only). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags that keep Chromium from calling outside hosts and from needing a GPU or a sandbox in a container. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const projectRoot = resolve(fileURLToPath(import.meta.url), "../../../..");
/** Gitignored; CI keeps it as the run's artifacts. */
export const SCREENSHOT_DIR = join(projectRoot, "test-artifacts", "screenshots");

/** Fails loudly, with the fix, when Chromium is missing: a silent skip would hide untested pages. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}; the browser tests need Debian's chromium package. ` +
        "Install it with `sudo apt-get update && sudo apt-get install -y chromium` (.ci/run does this), " +
        "or set CHROMIUM_PATH to another Chromium.",
    );
}

export function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Saves a full-page screenshot under test-artifacts/screenshots and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in on either page's demo form. */
export async function signIn(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A customer page with a started chat that has asked for an agent. */
export async function customerWaiting(page: Page, url: string, name: string, text: string): Promise<void> {
  await signIn(page, url, name);
  await page.getByLabel("How can we help?").fill(text);
  await page.getByRole("button", { name: "Start chat" }).click();
  await page.getByRole("log").locator(".from-assistant").first().waitFor();
  await page.getByRole("button", { name: "Talk to an agent" }).click();
  await page.getByText(/You are number \d+ in the queue/).waitFor();
}
