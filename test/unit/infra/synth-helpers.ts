import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type CarechatApp, type CarechatAppOptions, createCarechatApp } from "../../../infra/carechat-app.ts";

/** A JWKS issuer configuration for tests, so that the placeholder warning does not appear. */
export const TEST_JWT = {
  issuer: "https://login.issuer.test/",
  jwksUri: "https://login.issuer.test/.well-known/jwks.json",
  audience: "carechat",
} as const;

/** A browser origin for tests, so that the "no allowed origins" warning does not appear. */
export const TEST_ORIGINS = ["https://chat.bank.example"] as const;

/**
 * Builds the carechat app for unit tests: its own temporary cloud assembly directory, and no esbuild
 * bundling (`aws:cdk:bundling-stacks` = []), which keeps a synth around a second. Real bundling is
 * covered by chat-function.test.ts and by `npm run synth`.
 */
export function createTestApp(options: CarechatAppOptions = {}): CarechatApp {
  return createCarechatApp({
    ...options,
    outdir: options.outdir ?? testOutdir(),
    context: { "aws:cdk:bundling-stacks": [], ...options.context },
  });
}

const outdirs: string[] = [];

/** A fresh temporary cloud assembly directory, removed by {@link removeTestOutdirs}. */
export function testOutdir(): string {
  const outdir = mkdtempSync(path.join(tmpdir(), "carechat-cdk-"));
  outdirs.push(outdir);
  return outdir;
}

/** Removes the directories {@link testOutdir} created (call it in `afterAll`). */
export function removeTestOutdirs(): void {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
}
