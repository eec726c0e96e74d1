import type { SharedAgent, SharedScenario } from "./shared-simulation-types.ts";

/**
 * The days of the second simulation: a scored queue sharing part of its crew with a second queue,
 * agents of uneven speed, half an hour's lunch, and agents who stop taking chats 15 minutes before
 * their shift ends. Chats are a mix of quick questions and long cases; patience is Weibull with
 * shape 0.8, so many customers give up early and the rest hold on.
 */
const bump = (hour: number, centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2) / 2);

/** Speeds cycle through fast, average and slow agents. */
const SPEEDS = [0.75, 1, 1.35, 0.9, 1.2] as const;

function team(
  count: number,
  start: number,
  end: number,
  queues: SharedAgent["queues"],
  options: { lunchAt?: number; slow?: number } = {},
): SharedAgent[] {
  return Array.from({ length: count }, (_, index) => ({
    start,
    end,
    maxChats: index % 3 === 0 ? 2 : 3,
    speed: (SPEEDS[index % SPEEDS.length] ?? 1) * (options.slow ?? 1),
    queues,
    ...(options.lunchAt === undefined ? {} : { lunch: [options.lunchAt + (index % 3) * 0.5, 30] as const }),
  }));
}

const common = {
  hours: 12,
  handle: { quickShare: 0.55, quickMeanSeconds: 180, longMeanSeconds: 600, longCv: 0.6 },
  concurrencySlowdown: 0.1,
  patience: { scaleSeconds: 600, shape: 0.8 },
  windDownMinutes: 15,
  breakEveryHours: 2.5,
  breakMinutes: [5, 12] as const,
};

export const SHARED_SCENARIOS: readonly SharedScenario[] = [
  {
    ...common,
    name: "shared desk",
    arrivalsPerMinute: () => 2.8,
    otherArrivalsPerMinute: () => 1.2,
    agents: [
      ...team(5, 0, 12, "ours", { lunchAt: 4 }),
      ...team(4, 0, 12, "both", { lunchAt: 5 }),
      ...team(3, 0, 12, "other"),
    ],
  },
  {
    ...common,
    name: "lunch and handover",
    arrivalsPerMinute: (hour) => 2.2 + 1.3 * bump(hour, 5, 1.2),
    otherArrivalsPerMinute: (hour) => 1 + 0.6 * bump(hour, 5.5, 1),
    agents: [
      ...team(4, 0, 6.5, "ours", { lunchAt: 3 }),
      ...team(4, 5.5, 12, "ours", { lunchAt: 8.5 }),
      ...team(4, 0, 12, "both", { lunchAt: 4.5 }),
      ...team(2, 0, 12, "other"),
    ],
  },
  {
    ...common,
    name: "slow newcomers",
    arrivalsPerMinute: (hour) => 2.8 + 0.9 * bump(hour, 7, 1.5),
    otherArrivalsPerMinute: () => 0.9,
    agents: [
      ...team(4, 0, 12, "ours", { lunchAt: 4 }),
      ...team(5, 1, 12, "ours", { lunchAt: 5, slow: 1.5 }),
      ...team(2, 0, 12, "both"),
      ...team(2, 0, 12, "other"),
    ],
  },
  {
    ...common,
    name: "evening wind-down",
    arrivalsPerMinute: (hour) => (hour < 7 ? 3 : 3 - 0.1 * (hour - 7)),
    otherArrivalsPerMinute: () => 1,
    agents: [
      ...team(4, 0, 12, "ours", { lunchAt: 4 }),
      ...[7, 7.75, 8.5, 9.25, 10].map(
        (end, index): SharedAgent => ({
          start: 0,
          end,
          maxChats: 3,
          speed: SPEEDS[index % SPEEDS.length] ?? 1,
          queues: "ours",
        }),
      ),
      ...team(3, 0, 12, "both", { lunchAt: 5 }),
      ...team(2, 0, 12, "other"),
    ],
  },
];
