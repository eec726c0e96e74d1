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
  // The fuzz suite sends 10,000 frames over six connections in seconds: far above the per-connection
  // limit of a real deployment (60 at once, 10 a second), which would answer most of them RATE_LIMITED
  // before validating them. The limiter itself is tested on its own (test/unit/lib/middleware).
  const local = await startLocalProcess({ env: { CONNECTION_FRAME_LIMIT: "100000/100000" } });
  project.provide("httpUrl", local.httpUrl);
  project.provide("wsUrl", local.wsUrl);
  return async () => {
    await local.stop();
  };
}
