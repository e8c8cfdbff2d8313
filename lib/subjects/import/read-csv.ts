import "server-only";

import { Readable } from "node:stream";

import { parse } from "csv-parse";

import { AppError } from "@/lib/errors";
import { type CsvSeparator, detectSeparator, looksBinary } from "@/lib/subjects/import/csv-format";

// Streams CSV records out of bytes (an upload or its stored chunks): the bytes are checked as they
// pass (size cap, binary data, UTF-8), decoded, and parsed by csv-parse; nothing is held whole.

export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_COLUMNS = 100;

function refuse(message: string): AppError {
  return new AppError("bad_request", message, { userMessage: message });
}

async function* checkedText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let size = 0;
  for await (const chunk of bytes) {
    size += chunk.byteLength;
    if (size > IMPORT_MAX_BYTES) throw refuse("The file is larger than 50 MB.");
    if (looksBinary(chunk)) throw refuse("The file is not text: choose a CSV file.");
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw refuse("The file is not UTF-8 text: save it as “CSV UTF-8” and upload it again.");
    }
    if (text) yield text;
  }
}

function csvMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "CSV_QUOTE_NOT_CLOSED") return 'A quoted cell is never closed (a missing ").';
  if (code === "CSV_MAX_RECORD_SIZE") return "A row is too long.";
  return "The file is not valid CSV.";
}

/** The file's records (header included); `;` or `,` is detected from the first line unless known. */
export async function* readCsv(
  bytes: AsyncIterable<Uint8Array>,
  onSeparator: (separator: CsvSeparator) => void = () => undefined,
  known?: CsvSeparator,
): AsyncGenerator<string[]> {
  const texts = checkedText(bytes);
  const first = await texts.next();
  const firstText = first.done ? "" : first.value.replace(/^\uFEFF/, "");
  const separator = known ?? detectSeparator(firstText);
  onSeparator(separator);
  async function* all(): AsyncGenerator<string> {
    yield firstText;
    yield* texts;
  }
  const parser = parse({
    delimiter: separator,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: 64 * 1024,
  });
  const source = Readable.from(all());
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (record.length > IMPORT_MAX_COLUMNS)
        throw refuse(`The file has more than ${IMPORT_MAX_COLUMNS} columns.`);
      yield record;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(csvMessage(error));
  } finally {
    source.destroy();
  }
}
