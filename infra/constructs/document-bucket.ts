import { Duration, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as guardduty from "aws-cdk-lib/aws-guardduty";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import {
  OBJECT_CREATED_DETAIL_TYPE,
  SCAN_RESULT_DETAIL_TYPE,
} from "../../functions/lib/uploads/upload-events.ts";
import { INCOMING_PREFIX, STORED_PREFIX } from "../../functions/lib/uploads/upload-policy.ts";
import { acknowledgeWildcardResource } from "./nag-acknowledgements.ts";

/** Properties of {@link DocumentBucket}. */
export interface DocumentBucketProps {
  /**
   * The KMS key every object is encrypted with (bucket default encryption with an S3 Bucket Key, and the
   * presigned POST policy requires the same key). @default - a new customer managed key with rotation
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Days a stored attachment is kept: the lifecycle rule deletes `attachments/` objects this long after
   * they were written. Match the transcript retention (RETENTION_TRANSCRIPT_DAYS), since a chat's
   * messages name its attachments. @default 400
   */
  readonly retentionDays?: number;
  /** Browser origins of the pages that POST the upload form and open the download link (CORS). */
  readonly allowedOrigins: readonly string[];
  /**
   * Scan every upload with GuardDuty Malware Protection for S3 (a `CfnMalwareProtectionPlan` on the
   * `incoming/` prefix, objects tagged with the verdict). `upload-received` then runs on the verdict
   * (EventBridge) instead of on the S3 notification, and a bucket policy denies reading any stored
   * attachment whose tag is not `NO_THREATS_FOUND`. GuardDuty is billed per GB scanned. @default false
   */
  readonly malwareScanning?: boolean;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The bucket of documents customers upload in a chat: private (public access blocked, objects owned by
 * the bucket owner), TLS only, KMS-encrypted, with server access logs, CORS for the pages only, staged
 * uploads deleted after a day, attachments after the retention period, and optional malware scanning.
 */
export class DocumentBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly encryptionKey: kms.IKey;
  readonly malwareScanning: boolean;
  readonly malwareProtectionPlan?: guardduty.CfnMalwareProtectionPlan;

  constructor(scope: Construct, id: string, props: DocumentBucketProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.malwareScanning = props.malwareScanning ?? false;
    this.encryptionKey =
      props.encryptionKey ??
      new kms.Key(this, "Key", {
        description: "carechat uploaded documents",
        enableKeyRotation: true,
        removalPolicy,
      });
    const accessLogs = new s3.Bucket(this, "AccessLogs", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // Server access logs cannot be delivered to a bucket encrypted with a KMS key.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(props.retentionDays ?? 400) }],
      removalPolicy,
    });
    Validations.of(accessLogs).acknowledge({
      id: "AwsSolutions-S1",
      reason: "This is the server access log bucket of the document bucket; logging it to itself would loop.",
    });
    this.bucket = new s3.Bucket(this, "Bucket", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.encryptionKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      removalPolicy,
      cors: [
        {
          allowedOrigins: [...props.allowedOrigins],
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET],
          allowedHeaders: ["*"],
          maxAge: 300,
        },
      ],
      lifecycleRules: [
        { prefix: INCOMING_PREFIX, expiration: Duration.days(1) },
        { prefix: STORED_PREFIX, expiration: Duration.days(props.retentionDays ?? 400) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    this.logAccessTo(accessLogs);
    if (this.malwareScanning) this.malwareProtectionPlan = this.scanUploads();
  }

  /** The function that checks arrivals: on S3's Object Created event, or on GuardDuty's verdict when scanning. */
  notify(fn: lambda.IFunction): void {
    if (!this.malwareScanning) {
      // S3 sends its events to EventBridge (set on the bucket itself: no notifications custom resource).
      (this.bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
        eventBridgeConfiguration: { eventBridgeEnabled: true },
      };
      new events.Rule(this, "Uploads", {
        description: "carechat: a customer's document arrived in the bucket",
        eventPattern: {
          source: ["aws.s3"],
          detailType: [OBJECT_CREATED_DETAIL_TYPE],
          detail: {
            bucket: { name: [this.bucket.bucketName] },
            object: { key: [{ prefix: INCOMING_PREFIX }] },
          },
        },
        targets: [new targets.LambdaFunction(fn, { retryAttempts: 2 })],
      });
      return;
    }
    new events.Rule(this, "ScanResults", {
      description: "carechat: GuardDuty malware scan verdicts of uploaded documents",
      eventPattern: {
        source: ["aws.guardduty"],
        detailType: [SCAN_RESULT_DETAIL_TYPE],
        detail: { s3ObjectDetails: { bucketName: [this.bucket.bucketName] } },
      },
      targets: [new targets.LambdaFunction(fn, { retryAttempts: 2 })],
    });
  }

  /** What `actions` signs: POSTs to staged keys and GETs of stored attachments (exact actions only). */
  grantSigning(fn: lambda.IFunction): void {
    this.allow(fn, ["s3:PutObject"], [INCOMING_PREFIX]);
    this.allow(fn, ["s3:GetObject"], [STORED_PREFIX]);
    this.encryptionKey.grant(fn, "kms:GenerateDataKey", "kms:Decrypt");
  }

  /** What `upload-received` does: read, copy (with tags) and delete staged and stored objects. */
  grantProcessing(fn: lambda.IFunction): void {
    const actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:GetObjectTagging",
      "s3:PutObjectTagging",
    ];
    this.allow(fn, actions, [INCOMING_PREFIX, STORED_PREFIX]);
    this.encryptionKey.grant(fn, "kms:GenerateDataKey", "kms:Decrypt");
  }

  private allow(fn: lambda.IFunction, actions: string[], prefixes: readonly string[]): void {
    const resources = prefixes.map((prefix) => this.bucket.arnForObjects(`${prefix}*`));
    iam.Grant.addToPrincipal({ grantee: fn, actions, resourceArns: resources });
    const role = fn.role;
    const policy = role?.node.tryFindChild("DefaultPolicy") ?? role ?? fn;
    for (const resource of resources)
      acknowledgeWildcardResource(
        policy,
        resource,
        "Object keys are per chat and upload (a uuid), chosen at run time: the grant is limited to one key prefix of the document bucket.",
      );
  }

  /** Server access logs, delivered under a bucket policy (no ACLs: the log bucket enforces ownership). */
  private logAccessTo(accessLogs: s3.Bucket): void {
    const prefix = "documents/";
    (this.bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
      destinationBucketName: accessLogs.bucketName,
      logFilePrefix: prefix,
    };
    accessLogs.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal("logging.s3.amazonaws.com")],
        actions: ["s3:PutObject"],
        resources: [accessLogs.arnForObjects(`${prefix}*`)],
        conditions: {
          ArnLike: { "aws:SourceArn": this.bucket.bucketArn },
          StringEquals: { "aws:SourceAccount": Stack.of(this).account },
        },
      }),
    );
  }

  private scanUploads(): guardduty.CfnMalwareProtectionPlan {
    const stack = Stack.of(this);
    const role = new iam.Role(this, "MalwareProtectionRole", {
      assumedBy: new iam.ServicePrincipal("malware-protection-plan.guardduty.amazonaws.com"),
      description: "GuardDuty Malware Protection for S3: scans and tags carechat's uploaded documents",
    });
    const ruleArn = stack.formatArn({
      service: "events",
      resource: "rule",
      resourceName: "DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*",
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          "events:PutRule",
          "events:DeleteRule",
          "events:PutTargets",
          "events:RemoveTargets",
          "events:DescribeRule",
          "events:ListTargetsByRule",
        ],
        resources: [ruleArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          "s3:PutBucketNotification",
          "s3:GetBucketNotification",
          "s3:ListBucket",
          "s3:GetBucketLocation",
        ],
        resources: [this.bucket.bucketArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging", "s3:PutObjectTagging"],
        resources: [this.bucket.arnForObjects(`${INCOMING_PREFIX}*`)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["s3:PutObject"],
        resources: [this.bucket.arnForObjects("malware-protection-resource-validation-object")],
      }),
    );
    this.encryptionKey.grantEncryptDecrypt(role);
    // Held until scanned: a stored attachment is readable only with a clean verdict (copied with it).
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ["s3:GetObject"],
        resources: [this.bucket.arnForObjects(`${STORED_PREFIX}*`)],
        conditions: {
          StringNotEquals: { "s3:ExistingObjectTag/GuardDutyMalwareScanStatus": "NO_THREATS_FOUND" },
        },
      }),
    );
    const plan = new guardduty.CfnMalwareProtectionPlan(this, "MalwareProtectionPlan", {
      role: role.roleArn,
      protectedResource: {
        s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: [INCOMING_PREFIX] },
      },
      actions: { tagging: { status: "ENABLED" } },
    });
    plan.node.addDependency(role);
    return plan;
  }
}
