// What kind of CSV a file is: binary data (NUL bytes) and the separator (`,` or `;`, whichever the
// header line has more of outside quotes). A UTF-8 byte order mark is dropped by the decoder.

export type CsvSeparator = "," | ";";

export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}

/** The separator of the first line (quoted text ignored); a comma when neither appears. */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === "\n" || char === "\r")) break;
    else if (!isQuoted && char === ",") commas++;
    else if (!isQuoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}
