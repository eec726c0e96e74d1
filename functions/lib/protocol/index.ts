export * from "./client-frames.ts";
export * from "./limits.ts";
export * from "./server-frames.ts";
