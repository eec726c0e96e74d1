import type { TestProject } from "vitest/node";
import { startLocalProcess } from "../integration/support/local-process.ts";
import { assertChromium } from "./support/browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    httpUrl: string;
    wsUrl: string;
  }
}

/**
 * The browser project's own local runtime, started the way `npm start` starts it (so the pages are
 * the ones a developer sees), apart from the integration suite's so agents of one never get the
 * other's offers.
 */
export default async function setup(project: TestProject) {
  assertChromium();
  const local = await startLocalProcess();
  project.provide("httpUrl", local.httpUrl);
  project.provide("wsUrl", local.wsUrl);
  return async () => {
    await local.stop();
  };
}
