import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RoutingConfigInput } from "../../../functions/lib/routing/index.ts";
import { defaultRouting } from "../../../infra/routing/default-routing.ts";
import { ChatClient, customerClaims, devToken } from "./chat-client.ts";
import { type LocalProcess, startLocalProcess } from "./local-process.ts";

/**
 * A local runtime with the shipped routing configuration (its real queues, teams and numbers) whose
 * timers are shortened for tests: offers expire after 20 s (time enough to accept on a loaded machine) and a waiting fraud chat is reminded after 3 s.
 */
export function startShippedStack(): Promise<LocalProcess> {
  const shipped = structuredClone(defaultRouting) as RoutingConfigInput;
  const routing: RoutingConfigInput = {
    ...shipped,
    fraudReminderSeconds: 3,
    queues: shipped.queues.map((queue) => ({ ...queue, offerTimeoutSeconds: 20 })),
  };
  const file = join(mkdtempSync(join(tmpdir(), "carechat-routing-")), "routing.json");
  writeFileSync(file, JSON.stringify(routing));
  return startLocalProcess({ env: { CARECHAT_ROUTING_FILE: file, CARECHAT_TICK_MS: "1000" } });
}

/**
 * Opens one connection and starts one chat, retrying, so the runtime's handlers are loaded before the
 * tests run: on a loaded machine the first load of a handler can outlast a client's open timeout.
 */
export async function warmUp(stack: LocalProcess): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const token = await devToken(stack.httpUrl, customerClaims());
      const client = await ChatClient.connect(stack.wsUrl, token);
      await client.request({ action: "startChat" }, "chatStarted", 30_000);
      await client.close();
      // A staff member too: their first presence loads the dispatcher's path.
      const staffToken = await devToken(stack.httpUrl, {
        sub: `warm-up-${attempt}`,
        role: "agent",
        name: "Warm-up",
        queues: ["no-such-queue"],
        languages: ["en"],
        maxChats: 1,
      });
      const staff = await ChatClient.connect(stack.wsUrl, staffToken);
      await staff.request({ action: "setPresence", status: "offline" }, "presence", 30_000);
      await staff.close();
      return;
    } catch (error) {
      if (attempt >= 8) throw error;
    }
  }
}

/**
 * Retries an opening step (a connection) that timed out: on a machine shared by many test runs a socket
 * can take longer to open than the client waits. Any other failure is thrown at once.
 */
export async function patiently<T>(open: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await open();
    } catch (error) {
      if (attempt >= 3 || !String((error as Error).message).includes("did not open in time")) throw error;
    }
  }
}
