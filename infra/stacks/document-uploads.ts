import type { Stack } from "aws-cdk-lib";
import type * as kms from "aws-cdk-lib/aws-kms";
import { DocumentBucket } from "../constructs/document-bucket.ts";
import type { WebSocketChatApi } from "../constructs/websocket-chat-api.ts";
import type { ChatFunctions } from "./chat-functions.ts";
import { removalPolicyFromContext } from "./stack-outputs.ts";

/** The stack, as far as the uploads read it. */
type CarechatScope = Stack & { readonly allowedOrigins: readonly string[] };

export type { DocumentBucket };

export interface DocumentUploadsOptions {
  readonly functions: ChatFunctions;
  readonly api: WebSocketChatApi;
  /** The stack's customer managed key; without one the bucket gets its own. */
  readonly key?: kms.IKey;
  readonly malwareScanning: boolean;
}

/**
 * Secure document upload: the bucket, `actions` signing the forms and links, `upload-received` checking
 * each arrival (S3 notification, or GuardDuty's verdict when scanning) and posting it to the chat.
 */
export function addDocumentUploads(scope: CarechatScope, options: DocumentUploadsOptions): DocumentBucket {
  const { actions, uploadReceived } = options.functions;
  const documents = new DocumentBucket(scope, "Documents", {
    encryptionKey: options.key,
    // The pages' origins: the same list `$connect` accepts.
    allowedOrigins: scope.allowedOrigins,
    malwareScanning: options.malwareScanning,
    removalPolicy: removalPolicyFromContext(scope),
  });
  for (const fn of [actions, uploadReceived]) fn.addEnvironment("UPLOAD_BUCKET", documents.bucket.bucketName);
  actions.addEnvironment("UPLOAD_KMS_KEY_ARN", documents.encryptionKey.keyArn);
  if (options.malwareScanning) uploadReceived.addEnvironment("UPLOAD_SCAN_REQUIRED", "true");
  uploadReceived.addEnvironment("WS_MANAGEMENT_ENDPOINT", options.api.managementEndpoint);
  options.api.grantManageConnections(uploadReceived);
  documents.grantSigning(actions.function);
  documents.grantProcessing(uploadReceived.function);
  documents.notify(uploadReceived.function);
  return documents;
}
