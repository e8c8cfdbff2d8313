// One definition per message, rendered both as plain text and as HTML, so the two never disagree.
// Templates (one file each in this folder) say what a message contains; this file says how it looks.

export type MessageBlock =
  | { kind: "paragraph"; text: string }
  /** The message's one action: a button in HTML, the label and the address on their own lines in text. */
  | { kind: "action"; label: string; url: string }
  /** Small print under the action (why they got it, what to do if it was not them). */
  | { kind: "note"; text: string };

export type MessageContent = { subject: string; blocks: MessageBlock[] };

export type RenderedMessage = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

function textOf(block: MessageBlock): string {
  if (block.kind === "action") return `${block.label}:\n${block.url}`;
  return block.text;
}

function htmlOf(block: MessageBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case "action":
      return (
        `<p style="margin:24px 0"><a href="${escapeHtml(block.url)}" ` +
        `style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;` +
        `text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(block.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:13px;color:#475569">Or open this address: ` +
        `<a href="${escapeHtml(block.url)}" style="color:#1d4ed8">${escapeHtml(block.url)}</a></p>`
      );
    case "note":
      return `<p style="margin:0 0 12px;font-size:13px;color:#475569">${escapeHtml(block.text)}</p>`;
  }
}

export function renderMessage({ subject, blocks }: MessageContent): RenderedMessage {
  const text = `${blocks.map(textOf).join("\n\n")}\n`;
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f8fafc;font-family:Segoe UI,Roboto,Arial,sans-serif;color:#0f172a">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">',
    '<p style="margin:0 0 20px;font-size:18px;font-weight:700;color:#1e40af">CareVisit</p>',
    ...blocks.map(htmlOf),
    "</div></body></html>",
  ].join("\n");
  return { subject, text, html };
}
