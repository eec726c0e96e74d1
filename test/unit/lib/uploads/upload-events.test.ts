import { describe, expect, it } from "vitest";
import { stagedFilesOf } from "../../../../functions/lib/uploads/upload-events.ts";

const objectCreated = (key: string) => ({
  "detail-type": "Object Created",
  source: "aws.s3",
  detail: { bucket: { name: "docs" }, object: { key, size: 10 } },
});
const notification = (key: string, eventName = "ObjectCreated:Post") => ({
  Records: [{ eventName, s3: { object: { key, size: 10 } } }],
});
const verdict = (key: string, status: string) => ({
  "detail-type": "GuardDuty Malware Protection Object Scan Result",
  detail: { s3ObjectDetails: { objectKey: key }, scanResultDetails: { scanResultStatus: status } },
});

describe("stagedFilesOf", () => {
  it("reads the key of S3's EventBridge event and of an S3 notification (form-decoded)", () => {
    // Act
    const fromEventBridge = stagedFilesOf(objectCreated("incoming/c/u"), false);
    const fromNotification = stagedFilesOf(notification("incoming/c+1/u%231"), false);
    const removed = stagedFilesOf(notification("incoming/c/u", "ObjectRemoved:Delete"), false);

    // Assess
    expect(fromEventBridge).toEqual([{ key: "incoming/c/u" }]);
    expect(fromNotification).toEqual([{ key: "incoming/c 1/u#1" }]);
    expect(removed).toEqual([]);
  });

  it("with scanning required, waits for GuardDuty's verdict and carries it", () => {
    // Act
    const created = stagedFilesOf(objectCreated("incoming/c/u"), true);
    const notified = stagedFilesOf(notification("incoming/c/u"), true);
    const clean = stagedFilesOf(verdict("incoming/c/u", "NO_THREATS_FOUND"), true);
    const infected = stagedFilesOf(verdict("incoming/c/u", "THREATS_FOUND"), true);

    // Assess
    expect(created).toEqual([]);
    expect(notified).toEqual([]);
    expect(clean).toEqual([{ key: "incoming/c/u", scanStatus: "NO_THREATS_FOUND" }]);
    expect(infected).toEqual([{ key: "incoming/c/u", scanStatus: "THREATS_FOUND" }]);
  });
});
