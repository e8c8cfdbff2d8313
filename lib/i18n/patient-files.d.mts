import type { Linter } from "eslint";

export declare const PATIENT_FILES: string[];
export declare const NO_PATIENT_LITERALS: Linter.RulesRecord;
