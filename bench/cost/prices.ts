/**
 * The list prices the cost bench multiplies by: AWS on-demand list prices for us-east-1 as published
 * in 2026 (read December 2026), without free tier, savings plans or volume tiers. Where a price has
 * tiers, the first tier is used. Check the pricing pages before quoting a figure to anyone.
 */
export const PRICES_AS_OF = "AWS list prices, us-east-1, as published 2026 (read 2026-12-01)";

export const PRICES = {
  /** Lambda, Arm (Graviton): per GB-second of billed duration (first 7.5 billion GB-s a month). */
  lambdaArmPerGbSecond: 0.0000133334,
  /** Lambda: per request. $0.20 per million. */
  lambdaPerRequest: 0.2 / 1e6,
  /**
   * DynamoDB on demand: per read request unit ($0.125 per million, the price since the November 2024
   * reduction) and per write request unit ($0.625 per million). Standard table class.
   */
  dynamoPerReadUnit: 0.125 / 1e6,
  dynamoPerWriteUnit: 0.625 / 1e6,
  /** Step Functions Standard: per state transition ($0.025 per 1,000). */
  standardPerTransition: 0.025 / 1000,
  /** Step Functions Express: per request ($1.00 per million). */
  expressPerRequest: 1 / 1e6,
  /** Step Functions Express: per GB-second, first 1,000 GB-hours a month ($0.00001667). */
  expressPerGbSecond: 0.00001667,
  /** API Gateway WebSocket: per message in 32 KB units ($1.00 per million, first billion a month). */
  websocketPerMessage: 1 / 1e6,
  /** API Gateway WebSocket: per connection minute ($0.25 per million). */
  websocketPerConnectionMinute: 0.25 / 1e6,
  /**
   * Amazon Connect chat: per message ($0.004), the published per-message price for chat, counting
   * every message sent by the customer or the agent. Not an AWS infrastructure cost: the comparison.
   */
  connectChatPerMessage: 0.004,
} as const;

/** What the cost bench reports against (issue 9). */
export const COST_TARGETS = {
  maxCostPerChat: 0.0005,
  maxSequentialCalls: 3,
  maxStandardTransitions: 10,
  maxHandlerCpuMsPerMessage: 5,
} as const;

/** Express workflows bill duration in 100 ms steps and memory in 64 MB steps (the smallest is 64 MB). */
export const EXPRESS_BILLING = { durationStepMs: 100, memoryMb: 64 } as const;

/** Frames are billed in 32 KB units: a 33 KB frame is two messages. */
export const WEBSOCKET_MESSAGE_UNIT_BYTES = 32 * 1024;
