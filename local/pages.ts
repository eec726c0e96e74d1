import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pagesDir = resolve(fileURLToPath(import.meta.url), "../../pages");

/** The page routes: each HTML page, and the script its `<script type="module">` loads. */
const htmlRoutes: Record<string, string> = {
  "/": "customer/index.html",
  "/agent": "agent/index.html",
  "/supervisor": "supervisor/index.html",
};
const entryPoints = {
  customer: "customer/main.ts",
  agent: "agent/main.ts",
  supervisor: "supervisor/main.ts",
};

interface Asset {
  readonly body: string | Uint8Array;
  readonly type: string;
}

/**
 * The demo pages (customer widget `/`, agent desk `/agent`), bundled with esbuild from `pages/`
 * when the local runtime starts: plain TypeScript and the client SDK, no framework. Built once and
 * kept in memory; a bank hosts the same bundle on its own site (see the README).
 */
export async function buildPages(): Promise<Map<string, Asset>> {
  const result = await build({
    entryPoints: Object.fromEntries(
      Object.entries(entryPoints).map(([name, file]) => [name, resolve(pagesDir, file)]),
    ),
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: true,
    write: false,
    outdir: "/assets",
    logLevel: "silent",
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf("/assets/"));
    const type = name.endsWith(".map") ? "application/json" : "text/javascript; charset=utf-8";
    assets.set(name, { body: file.contents, type });
  }
  assets.set("/assets/pages.css", {
    body: await readFile(resolve(pagesDir, "shared/pages.css"), "utf8"),
    type: "text/css; charset=utf-8",
  });
  for (const [route, file] of Object.entries(htmlRoutes))
    assets.set(route, {
      body: await readFile(resolve(pagesDir, file), "utf8"),
      type: "text/html; charset=utf-8",
    });
  return assets;
}

/**
 * A request handler for the pages; answers false for any other path. The build starts at once and
 * every request waits for it, so the first page load after start-up is served as soon as it is ready.
 */
export function createPageRoutes(): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const built = buildPages();
  // Reported on the first request; kept from becoming an unhandled rejection before that.
  built.catch(() => undefined);
  return async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const path = new URL(request.url ?? "/", "http://localhost").pathname.replace(/\/$/, "") || "/";
    if (!(path in htmlRoutes) && !path.startsWith("/assets/")) return false;
    const asset = (await built).get(path);
    if (!asset) return false;
    response.writeHead(200, {
      "content-type": asset.type,
      "cache-control": "no-store",
      // The pages load only their own scripts and talk only to this origin (HTTP and WebSocket).
      "content-security-policy":
        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
    });
    response.end(request.method === "HEAD" ? undefined : asset.body);
    return true;
  };
}
