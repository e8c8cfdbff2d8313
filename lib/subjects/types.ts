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

/** One page of the subject search. */
export type SubjectSearchResult = {
  items: SubjectListItem[];
  page: number;
  hasNextPage: boolean;
  /** When nothing matched as typed: the query with name words corrected, whose results are shown. */
  correctedQuery: string | null;
};
