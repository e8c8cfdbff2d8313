import type { SubjectImportStatus } from "@/generated/prisma/enums";

export type ImportProgress = {
  id: string;
  status: SubjectImportStatus;
  totalRows: number;
  doneRows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
};
