/** A row of the subject search's results: what the care team's table shows. */
export type SubjectListItem = {
  id: string;
  recordNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  email: string | null;
  phone: string | null;
};
