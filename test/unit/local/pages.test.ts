import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPages, createPageRoutes } from "../../../local/pages.ts";

describe("buildPages", () => {
  it("bundles both pages' scripts with the SDK and serves their HTML and the stylesheet", async () => {
    // act
    const assets = await buildPages();

    // assess
    expect([...assets.keys()].sort()).toEqual(
      [
        "/",
        "/agent",
        "/assets/agent.js",
        "/assets/agent.js.map",
        "/assets/customer.js",
        "/assets/customer.js.map",
        "/assets/pages.css",
        "/supervisor",
        "/assets/supervisor.js",
        "/assets/supervisor.js.map",
      ].sort(),
    );
    const customer = new TextDecoder().decode(assets.get("/assets/customer.js")?.body as Uint8Array);
    // The SDK is inside the bundle (its outbox error text), and no import is left for the browser to resolve.
    expect(customer).toContain("The client was closed.");
    expect(customer).not.toMatch(/\bimport\s*[{*"]/);
    expect(String(assets.get("/")?.body)).toContain('<script type="module" src="/assets/customer.js">');
    expect(String(assets.get("/agent")?.body)).toContain('<script type="module" src="/assets/agent.js">');
    expect(String(assets.get("/supervisor")?.body)).toContain(
      '<script type="module" src="/assets/supervisor.js">',
    );
  });
});

describe("createPageRoutes", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const pages = createPageRoutes();
    server = createServer((request, response) => {
      void pages(request, response).then((served) => {
        if (!served) response.writeHead(404).end("not a page");
      });
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  it("answers the page paths with HTML and a CSP limited to the page's own origin", async () => {
    for (const path of ["/", "/agent", "/agent/"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await response.text()).toMatch(/^<!doctype html>/);
    }
  });

  it("leaves every other path to the next route", async () => {
    for (const path of ["/health", "/dev/token", "/assets/nope.js", "/agent/x"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("not a page");
    }
    const post = await fetch(`${base}/`, { method: "POST" });
    expect(post.status).toBe(404);
  });
});
