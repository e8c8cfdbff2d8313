// Visit lengths and limits shared by the forms and the scheduling rules (no zod here: the forms ship
// to the browser).

export const VISIT_DURATIONS = [15, 20, 30, 45, 60, 90] as const;

/**
 * How far ahead a visit may be scheduled or moved, from now. Later dates are typing mistakes (a
 * year 9999 visit would still get a Zoom meeting) rather than plans.
 */
export const SCHEDULING_HORIZON_YEARS = 2;

/** Patients may open a visit's meeting this long before it starts (the visit is then joinable). */
export const JOIN_WINDOW_MINUTES = 15;
