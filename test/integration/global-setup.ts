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
  const local = await startLocalProcess({
    // Every later file would fail with ECONNREFUSED: say once, with the runtime's last words, why.
    onUnexpectedExit: (code, output) =>
      process.stderr.write(
        `\nThe suite's local runtime exited (code ${code}) mid-suite; its last output:\n${output}\n`,
      ),
  });
  project.provide("httpUrl", local.httpUrl);
  project.provide("wsUrl", local.wsUrl);
  return async () => {
    await local.stop();
  };
}
