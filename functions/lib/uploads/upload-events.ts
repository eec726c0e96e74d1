import type { StagedFile } from "./receive-upload.ts";

/**
 * The files an invocation of `upload-received` is about. Three shapes: S3's "Object Created" event
 * through EventBridge (the deployed bucket), an S3 event notification (`ObjectCreated:*`, keys
 * URL-encoded as S3 sends them; the local s3rver) when the bucket is not scanned, and GuardDuty
 * Malware Protection's "Object Scan Result" event through EventBridge when it is, so a file is only
 * looked at once its verdict is known. With scanning required, S3 notifications are ignored.
 */
interface S3Notification {
  readonly Records?: ReadonlyArray<{
    readonly eventName?: string;
    readonly s3?: { readonly object?: { readonly key?: string } };
  }>;
}

interface ScanResultEvent {
  readonly "detail-type"?: string;
  readonly detail?: {
    readonly s3ObjectDetails?: { readonly objectKey?: string };
    readonly scanResultDetails?: { readonly scanResultStatus?: string };
  };
}

export const SCAN_RESULT_DETAIL_TYPE = "GuardDuty Malware Protection Object Scan Result";
/** S3's own event through EventBridge (how the deployed bucket notifies, docs/UPLOADS.md). */
export const OBJECT_CREATED_DETAIL_TYPE = "Object Created";

interface ObjectCreatedEvent {
  readonly "detail-type"?: string;
  readonly detail?: { readonly object?: { readonly key?: string } };
}

export function stagedFilesOf(event: unknown, scanRequired: boolean): StagedFile[] {
  const scan = event as ScanResultEvent;
  if (scan?.["detail-type"] === SCAN_RESULT_DETAIL_TYPE) {
    const key = scan.detail?.s3ObjectDetails?.objectKey;
    const scanStatus = scan.detail?.scanResultDetails?.scanResultStatus ?? "UNKNOWN";
    return key ? [{ key, scanStatus }] : [];
  }
  if (scanRequired) return [];
  const created = event as ObjectCreatedEvent;
  if (created?.["detail-type"] === OBJECT_CREATED_DETAIL_TYPE) {
    const key = created.detail?.object?.key;
    return key ? [{ key }] : [];
  }
  return ((event as S3Notification)?.Records ?? [])
    .filter((record) => record.eventName?.startsWith("ObjectCreated:"))
    .flatMap((record) => {
      const key = record.s3?.object?.key;
      return key ? [{ key: decodeS3Key(key) }] : [];
    });
}

/** S3 notifications carry keys form-encoded: `+` for a space, `%xx` for the rest. */
function decodeS3Key(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, " "));
  } catch {
    return key;
  }
}
