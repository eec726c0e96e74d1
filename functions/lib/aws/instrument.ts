import { startCall } from "./call-recorder.ts";
import { runAttempt } from "./client-hooks.ts";

type Handler = (args: unknown) => Promise<unknown>;
type Context = { commandName?: string; clientName?: string };

interface Instrumentable {
  middlewareStack: {
    add(
      middleware: (next: Handler, context: Context) => Handler,
      options: { step: "initialize" | "deserialize"; name: string; priority?: "low" },
    ): void;
  };
}

/**
 * Adds the call recorder (see call-recorder.ts: the bench counts sequential calls with it) and the
 * attempt hooks (client-hooks.ts) to an SDK client. The hooks sit inside the deserializer and the
 * retry strategy, so what a hook answers is parsed and retried exactly like a real service answer.
 */
export function instrument<T>(client: T): T {
  const stack = (client as unknown as Instrumentable).middlewareStack;
  stack.add(
    (next, context) => async (args) => {
      const call = startCall(context.commandName ?? "unknown");
      try {
        return await next(args);
      } finally {
        if (call) call.endedAt = performance.now();
      }
    },
    { step: "initialize", name: "carechatCallRecorder" },
  );
  stack.add(
    (next, context) => (args) =>
      runAttempt(
        {
          clientName: context.clientName ?? "unknown",
          operation: (context.commandName ?? "unknown").replace(/Command$/, ""),
          input: ((args as { input?: Record<string, unknown> }).input ?? {}) as Record<string, unknown>,
        },
        () => next(args),
      ),
    { step: "deserialize", name: "carechatAttemptHooks", priority: "low" },
  );
  return client;
}
