import type { Scenario, Shift } from "./simulation-types.ts";

/**
 * The days the wait estimators are scored on. One queue, 12 hours, chats of about six minutes handled
 * alone (lognormal, cv 0.8), slower when agents juggle, customers who give up after a median five
 * minutes (lognormal, spread 1), agents on shifts with 2-3 slots, some of them shared with one other
 * queue, who take a short break about every two hours.
 */
const bump = (hour: number, centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2) / 2);

/** `count` agents on the same shift, alternating 2 and 3 slots; every `sharedEvery`-th serves two queues. */
function crew(count: number, start: number, end: number, sharedEvery = 4): Shift[] {
  return Array.from({ length: count }, (_, index) => ({
    start,
    end,
    maxChats: index % 2 === 0 ? 3 : 2,
    share: (index + 1) % sharedEvery === 0 ? 0.5 : 1,
  }));
}

const common = {
  hours: 12,
  handleMeanSeconds: 360,
  handleCv: 0.8,
  concurrencySlowdown: 0.15,
  patienceMedianSeconds: 540,
  patienceSigma: 1,
  breakEveryHours: 2,
  breakMinutes: [8, 15] as const,
};

export const SCENARIOS: readonly Scenario[] = [
  {
    ...common,
    name: "steady",
    arrivalsPerMinute: () => 2.3,
    // A handover at midday: the morning crew leaves as the afternoon crew arrives.
    shifts: [...crew(5, 0, 12), ...crew(3, 0, 6.25), ...crew(3, 5.75, 12)],
  },
  {
    ...common,
    name: "busy hour",
    arrivalsPerMinute: (hour) => 1.6 + 2.4 * bump(hour, 4.5, 1) + 1 * bump(hour, 9, 0.7),
    shifts: [...crew(8, 0, 12), ...crew(2, 3, 7)],
  },
  {
    ...common,
    name: "understaffed",
    arrivalsPerMinute: (hour) => 2.3 + 0.8 * bump(hour, 6, 1.5),
    shifts: [...crew(6, 0, 12), ...crew(1, 4, 8)],
  },
  {
    ...common,
    name: "agents logging out",
    arrivalsPerMinute: (hour) => 2 + 0.4 * bump(hour, 3, 1),
    // Half the crew signs out one by one in the afternoon; two come back for the evening.
    shifts: [
      ...crew(5, 0, 12),
      ...[6, 6.5, 7, 7.5, 8].map((end, index) => ({
        start: 0,
        end,
        maxChats: index % 2 === 0 ? 2 : 3,
        share: 1,
      })),
      ...crew(2, 10, 12),
    ],
  },
];
