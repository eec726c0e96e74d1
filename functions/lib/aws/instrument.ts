import { startCall } from "./call-recorder.ts";

interface Instrumentable {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: "initialize"; name: string },
    ): void;
  };
}

/** Adds the call recorder (see call-recorder.ts) to an SDK client: the bench counts sequential calls with it. */
export function instrument<T>(client: T): T {
  (client as unknown as Instrumentable).middlewareStack.add(
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
  return client;
}
