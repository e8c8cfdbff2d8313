import "server-only";

export type CsvFile = { filename: string; stream: ReadableStream<Uint8Array> };

/** A streamed CSV as a download: never cached, never sniffed as anything but CSV. */
export function csvDownloadResponse(csv: CsvFile): Response {
  return new Response(csv.stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csv.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
