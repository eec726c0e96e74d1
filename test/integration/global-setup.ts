import type { TestProject } from "vitest/node";
import { startLocalProcess } from "./support/local-process.ts";

declare module "vitest" {
  export interface ProvidedContext {
    httpUrl: string;
    wsUrl: string;
  }
}

/** One local runtime for the whole integration suite, started the way `npm start` starts it. */
export default async function setup(project: TestProject) {
  const local = await startLocalProcess();
  project.provide("httpUrl", local.httpUrl);
  project.provide("wsUrl", local.wsUrl);
  return async () => {
    await local.stop();
  };
}
