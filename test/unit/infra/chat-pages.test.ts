import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { App, CfnParameter, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatPages } from "../../../infra/constructs/chat-pages.ts";
import { removeTestOutdirs, SYNTH_TIMEOUT_MS, testOutdir } from "./synth-helpers.ts";

const pagesDir = mkdtempSync(path.join(tmpdir(), "carechat-pages-"));
writeFileSync(path.join(pagesDir, "index.html"), "<!doctype html><title>chat</title>");
const WS_URL = "wss://abc123.execute-api.us-east-1.amazonaws.com/prod";

/** The URL is a deploy-time value in the stack (the API's stage URL): here a parameter stands for it. */
function pagesStack(dir: string) {
  const stack = new Stack(new App({ outdir: testOutdir() }), "Pages", { env: { region: "us-east-1" } });
  const webSocketUrl = new CfnParameter(stack, "WebSocketUrl", { default: WS_URL }).valueAsString;
  const pages = new ChatPages(stack, "Pages", { pagesDir: dir, webSocketUrl });
  return { stack, pages, template: Template.fromStack(stack) };
}

let built: ReturnType<typeof pagesStack>;
let withoutPages: ReturnType<typeof pagesStack>;

beforeAll(() => {
  built = pagesStack(pagesDir);
  withoutPages = pagesStack(path.join(pagesDir, "missing"));
}, SYNTH_TIMEOUT_MS);

afterAll(() => {
  rmSync(pagesDir, { recursive: true, force: true });
  removeTestOutdirs();
});

describe("ChatPages", () => {
  it("keeps the bucket private, encrypted and TLS-only, readable by this distribution alone", () => {
    // Act
    const { template } = built;

    // Assess
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.objectLike({}),
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: "s3/" },
    });
    template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    const policies = JSON.stringify(template.findResources("AWS::S3::BucketPolicy"));
    expect(policies).toContain("cloudfront.amazonaws.com");
    expect(policies).toContain("AWS:SourceArn");
    expect(policies).toContain('"aws:SecureTransport":"false"');
  });

  it("sends security headers with every response", () => {
    // Act
    const policy = Object.values(built.template.findResources("AWS::CloudFront::ResponseHeadersPolicy"))[0]
      ?.Properties.ResponseHeadersPolicyConfig;

    // Assess
    const security = policy.SecurityHeadersConfig;
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toContain(
      "connect-src 'self' wss://*.execute-api.us-east-1.amazonaws.com",
    );
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
    });
    expect(security.FrameOptions.FrameOption).toBe("DENY");
    expect(security.ContentTypeOptions.Override).toBe(true);
    expect(security.ReferrerPolicy.ReferrerPolicy).toBe("strict-origin-when-cross-origin");
  });

  it("redirects to HTTPS, logs, and never caches /config.json", () => {
    // Act
    const config = Object.values(built.template.findResources("AWS::CloudFront::Distribution"))[0]?.Properties
      .DistributionConfig;

    // Assess
    expect(config.DefaultRootObject).toBe("index.html");
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    expect(config.Logging).toMatchObject({ Prefix: "cloudfront/" });
    const configBehavior = config.CacheBehaviors.find(
      (behavior: { PathPattern: string }) => behavior.PathPattern === "/config.json",
    );
    // The managed CachingDisabled policy.
    expect(configBehavior.CachePolicyId).toBe("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
  });

  it("deploys the pages and a config.json carrying the WebSocket URL", () => {
    // Act
    const deployment = Object.values(built.template.findResources("Custom::CDKBucketDeployment"))[0]
      ?.Properties;

    // Assess
    expect(built.pages.pagesDeployed).toBe(true);
    expect(deployment.SourceObjectKeys).toHaveLength(2);
    expect(JSON.stringify(deployment.SourceMarkers)).toContain('{"Ref":"WebSocketUrl"}');
    expect(deployment.DistributionPaths).toEqual(["/*"]);
  });

  it("deploys only config.json, and warns, when the pages directory does not exist", () => {
    // Act
    const deployment = Object.values(withoutPages.template.findResources("Custom::CDKBucketDeployment"))[0]
      ?.Properties;
    const warnings = Annotations.fromStack(withoutPages.stack).findWarning(
      "*",
      Match.stringLikeRegexp("does not exist"),
    );

    // Assess
    expect(withoutPages.pages.pagesDeployed).toBe(false);
    expect(deployment.SourceObjectKeys).toHaveLength(1);
    expect(warnings).toHaveLength(1);
  });
});
