/**
 * Admission control for one local function: the stand-in for Lambda's concurrency limit (reserved
 * concurrency) and API Gateway's throttle. At most `concurrency` invocations run at once; up to
 * `queue` more wait, each for at most `maxWaitMs`; anything beyond is refused at once. Without it the
 * single local process takes every frame and queues them all, so under overload each waits longer
 * and longer and clients time out with neither an answer nor a refusal. Refused fast, they can retry.
 */
export interface AdmissionLimits {
  readonly concurrency: number;
  readonly queue: number;
  readonly maxWaitMs: number;
}

export interface AdmissionCounts {
  readonly admitted: number;
  readonly refused: number;
  readonly running: number;
  readonly waiting: number;
  readonly peakWaiting: number;
}

/** Thrown instead of running the invocation: the gateway answers RATE_LIMITED with `retryAfterSeconds`. */
export class AdmissionRefused extends Error {
  constructor(
    readonly functionName: string,
    readonly retryAfterSeconds: number,
    readonly reason: "queue-full" | "waited-too-long",
  ) {
    super(`${functionName} is at its concurrency limit (${reason})`);
    this.name = "AdmissionRefused";
  }
}

interface Waiter {
  readonly admit: () => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export class Admission {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private admitted = 0;
  private refused = 0;
  private peakWaiting = 0;

  constructor(
    readonly functionName: string,
    private readonly limits: AdmissionLimits,
  ) {
    for (const [name, value] of Object.entries(limits))
      if (!Number.isInteger(value) || value < (name === "concurrency" ? 1 : 0))
        throw new Error(`Admission ${name} for ${functionName} must be a whole number, got ${value}`);
  }

  get counts(): AdmissionCounts {
    const { admitted, refused, running, peakWaiting } = this;
    return { admitted, refused, running, waiting: this.waiting.length, peakWaiting };
  }

  /** Runs `work` once a slot is free; refuses (AdmissionRefused) when the queue is full or the wait too long. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.limits.concurrency) {
      this.running += 1;
      this.admitted += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queue) return Promise.reject(this.refuse("queue-full"));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          this.admitted += 1;
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(this.refuse("waited-too-long"));
        }, this.limits.maxWaitMs),
      };
      this.waiting.push(waiter);
      this.peakWaiting = Math.max(this.peakWaiting, this.waiting.length);
    });
  }

  private leave() {
    const next = this.waiting.shift();
    // The slot passes straight to the longest waiter: `running` stays the same.
    if (next) next.admit();
    else this.running -= 1;
  }

  private refuse(reason: AdmissionRefused["reason"]) {
    this.refused += 1;
    // Long enough for the queue ahead to drain at the limit; clients add their own jitter.
    return new AdmissionRefused(this.functionName, 1, reason);
  }
}

/** The actions function's limits, from the environment (CARECHAT_ACTIONS_*), else what holds on 2 cores. */
export function actionLimits(env: NodeJS.ProcessEnv = process.env): AdmissionLimits {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number, got "${raw}"`);
    return value;
  };
  return {
    concurrency: read("CARECHAT_ACTIONS_CONCURRENCY", DEFAULT_ACTION_LIMITS.concurrency),
    queue: read("CARECHAT_ACTIONS_QUEUE", DEFAULT_ACTION_LIMITS.queue),
    maxWaitMs: read("CARECHAT_ACTIONS_QUEUE_WAIT_MS", DEFAULT_ACTION_LIMITS.maxWaitMs),
  };
}

export const DEFAULT_ACTION_LIMITS: AdmissionLimits = { concurrency: 32, queue: 64, maxWaitMs: 1_000 };
