// The visit report as the page shows it: plain numbers and strings, safe to hand to components.

export type VisitReportSummary = {
  /** Every visit scheduled in the range (the four outcomes below plus those not over yet). */
  scheduled: number;
  /** Not cancelled, the meeting started or ended, and the patient joined. */
  held: number;
  /** Not cancelled, the meeting's time is over (or it ended), and the patient never joined. */
  noShows: number;
  cancelled: number;
  /** Scheduled but neither held, missed nor cancelled yet: upcoming or in progress. */
  pending: number;
  /** Visits in which the patient arrived before the provider, so waited for them. */
  waitedVisits: number;
  medianWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  /** Held visits with both a start and an end time. */
  timedVisits: number;
  medianDurationMinutes: number | null;
  /** Visits the provider joined. */
  providerJoinedVisits: number;
  /** Of those, the provider joined more than LATE_START_MINUTES after the scheduled start. */
  lateStarts: number;
};

export type WaitByDay = {
  /** yyyy-mm-dd in the clinic's time zone. */
  date: string;
  waitedVisits: number;
  medianWaitMinutes: number | null;
};

export type NoShowsByProvider = {
  providerId: string;
  providerName: string;
  /** Visits whose time is over and that were not cancelled: held or missed. */
  dueVisits: number;
  noShows: number;
};

export type VisitReport = {
  summary: VisitReportSummary;
  waitByDay: WaitByDay[];
  noShowsByProvider: NoShowsByProvider[];
};

export type ReportProviderOption = { id: string; name: string };
