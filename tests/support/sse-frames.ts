// Reads Server-Sent Events frames off a byte stream, one `next()` at a time (for tests and the
// benchmark; browsers have EventSource). Comments and frames without data are skipped.

export type SseFrame = { event: string; data: unknown };

export function sseFrames(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return async function next(timeoutMs = 5_000): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data !== undefined) return { event, data: JSON.parse(data) as unknown };
        continue;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("No frame in time")), deadline - Date.now());
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error("Stream ended");
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
}
