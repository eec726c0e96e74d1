import { existsSync } from "node:fs";
import * as path from "node:path";
import { Annotations, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import type * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { REPO_ROOT } from "./chat-function.ts";
import { acknowledgePagesFindings } from "./chat-pages-nag.ts";

/** Properties of {@link ChatPages}. */
export interface ChatPagesProps {
  /** The WebSocket URL the pages connect to; published to them as `/config.json` (`{ "webSocketUrl": … }`). */
  readonly webSocketUrl: string;

  /**
   * The built pages (`index.html` for the customer widget, `agent/index.html` for the agent desk),
   * absolute or relative to the repository root. When the directory does not exist, only
   * `/config.json` is deployed and synth warns.
   *
   * @default "pages/dist"
   */
  readonly pagesDir?: string;

  /**
   * Extra `connect-src` sources of the Content-Security-Policy (for example the identity provider's
   * token endpoint). The WebSocket APIs of this region (`wss://*.execute-api.<region>.amazonaws.com`)
   * are always allowed.
   *
   * @default - none
   */
  readonly connectSources?: readonly string[];

  /**
   * Custom domain names with their certificate (ACM, us-east-1). With them, viewers need TLS 1.2.
   *
   * @default - the distribution's `*.cloudfront.net` name
   */
  readonly domainNames?: readonly string[];
  readonly certificate?: acm.ICertificate;

  /**
   * An AWS WAF web ACL (ARN, scope CLOUDFRONT) in front of the pages.
   *
   * @default - none
   */
  readonly webAclId?: string;

  /**
   * Edge locations used.
   *
   * @default cloudfront.PriceClass.PRICE_CLASS_100
   */
  readonly priceClass?: cloudfront.PriceClass;

  /**
   * What happens to the buckets when they are removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Viewer-request function: `/agent` and `/agent/` serve `/agent/index.html`. */
const INDEX_REWRITE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith("/")) request.uri = uri + "index.html";
  else if (uri.lastIndexOf(".") < uri.lastIndexOf("/")) request.uri = uri + "/index.html";
  return request;
}`;

/**
 * Hosts the customer and agent pages: a private, encrypted S3 bucket read only by CloudFront through an
 * origin access control, HTTPS only, security headers on every response (CSP, HSTS, no framing, no
 * sniffing, strict referrer), access logs for the bucket and the distribution, and `/config.json`
 * telling the pages where the WebSocket API is (never cached, so a redeploy takes effect at once).
 */
export class ChatPages extends Construct {
  /** The pages' bucket (private). */
  public readonly bucket: s3.Bucket;
  /** The access log bucket (S3 server access logs under `s3/`, CloudFront logs under `cloudfront/`). */
  public readonly logBucket: s3.Bucket;
  /** The distribution. */
  public readonly distribution: cloudfront.Distribution;
  /** The deployment of the pages and `/config.json` into the bucket. */
  public readonly deployment: s3deploy.BucketDeployment;
  /** Whether the pages directory existed at synth (otherwise only `/config.json` is deployed). */
  public readonly pagesDeployed: boolean;

  public constructor(scope: Construct, id: string, props: ChatPagesProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const region = Stack.of(this).region;

    this.logBucket = new s3.Bucket(this, "AccessLogs", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are written with an ACL.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy,
    });
    this.bucket = new s3.Bucket(this, "Pages", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: "s3/",
      removalPolicy,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, "SecurityHeaders", {
      comment: "carechat pages: CSP, HSTS, no framing, no sniffing",
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            `connect-src 'self' wss://*.execute-api.${region}.amazonaws.com ${(props.connectSources ?? []).join(" ")}`.trim(),
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "object-src 'none'",
          ].join("; "),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()", override: true },
        ],
      },
    });

    const origin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    const rewrite = new cloudfront.Function(this, "IndexRewrite", {
      code: cloudfront.FunctionCode.fromInline(INDEX_REWRITE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: "Serve <path>/index.html for directory paths",
    });
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: "carechat pages",
      defaultRootObject: "index.html",
      domainNames: props.domainNames ? [...props.domainNames] : undefined,
      certificate: props.certificate,
      minimumProtocolVersion: props.certificate ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass ?? cloudfront.PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclId,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: "cloudfront/",
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: rewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        "/config.json": {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: headers,
        },
      },
    });

    const pagesDir = path.resolve(REPO_ROOT, props.pagesDir ?? "pages/dist");
    this.pagesDeployed = existsSync(pagesDir);
    if (!this.pagesDeployed) {
      Annotations.of(this).addWarningV2(
        "carechat:pages-missing",
        `Pages directory ${pagesDir} does not exist: only /config.json is deployed. Build the pages first.`,
      );
    }
    this.deployment = new s3deploy.BucketDeployment(this, "Deployment", {
      destinationBucket: this.bucket,
      sources: [
        ...(this.pagesDeployed ? [s3deploy.Source.asset(pagesDir)] : []),
        s3deploy.Source.jsonData("config.json", { webSocketUrl: props.webSocketUrl }),
      ],
      distribution: this.distribution,
      distributionPaths: ["/*"],
      memoryLimit: 256,
    });
    acknowledgePagesFindings(this, {
      webAcl: props.webAclId !== undefined,
      certificate: props.certificate !== undefined,
    });
  }

  /** `https://<distribution domain>`: the origin the pages are served from. */
  public get origin(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
