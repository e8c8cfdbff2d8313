/** The names of `fields` whose values differ between two reads of a row, for the audit trail. */
export function changedFieldNames<T extends Record<string, unknown>>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): string[] {
  return fields.filter((field) => before[field] !== after[field]);
}
