// Visit lengths offered by the forms (no zod here: the forms ship to the browser).

export const VISIT_DURATIONS = [15, 20, 30, 45, 60, 90] as const;
