// One definition per message, rendered both as plain text and as HTML, so the two never disagree.
// Templates (one file each in this folder, and lib/visit-messages/) say what a message contains;
// this file says how it looks. Decision 036 says why we keep this renderer.

import { singleLine } from "@/lib/email/single-line";

export type MessageBlock =
  | { kind: "paragraph"; text: string }
  /** Label and value lines ("When: Tuesday, December 8 at 2:30 PM EST"): a small table in HTML. */
  | { kind: "details"; rows: { label: string; value: string }[] }
  /**
   * The message's one action: a button in HTML, the label and the address on their own lines in
   * text. `addressLabel` introduces the written-out address under the button in HTML.
   */
  | { kind: "action"; label: string; url: string; addressLabel?: string }
  /** Small print under the action (why they got it, what to do if it was not them), maybe a link. */
  | { kind: "note"; text: string; link?: { label: string; url: string } };

export type MessageContent = {
  subject: string;
  blocks: MessageBlock[];
  /** The language the message is written in (`<html lang>`); English unless said. */
  lang?: string;
};

export type RenderedMessage = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const DEFAULT_ADDRESS_LABEL = "Or open this address:";
const SMALL = "font-size:13px;color:#475569";
const LINK = "color:#1d4ed8";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

function textOf(block: MessageBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "details":
      return block.rows.map((row) => `${row.label}: ${row.value}`).join("\n");
    case "action":
      return `${block.label}:\n${block.url}`;
    case "note":
      return block.link ? `${block.text}\n${block.link.label}: ${block.link.url}` : block.text;
  }
}

function linkHtml(label: string, url: string): string {
  return `<a href="${escapeHtml(url)}" style="${LINK}">${escapeHtml(label)}</a>`;
}

function htmlOf(block: MessageBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case "details":
      return [
        '<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">',
        ...block.rows.map(
          (row) =>
            `<tr><th scope="row" style="text-align:left;padding:2px 16px 2px 0;font-weight:600;vertical-align:top">` +
            `${escapeHtml(row.label)}</th><td style="padding:2px 0">${escapeHtml(row.value)}</td></tr>`,
        ),
        "</table>",
      ].join("\n");
    case "action":
      return (
        `<p style="margin:24px 0"><a href="${escapeHtml(block.url)}" ` +
        `style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;` +
        `text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(block.label)}</a></p>` +
        `<p style="margin:0 0 16px;${SMALL}">${escapeHtml(block.addressLabel ?? DEFAULT_ADDRESS_LABEL)} ` +
        `${linkHtml(block.url, block.url)}</p>`
      );
    case "note": {
      const link = block.link ? ` ${linkHtml(block.link.label, block.link.url)}` : "";
      return `<p style="margin:0 0 12px;${SMALL}">${escapeHtml(block.text)}${link}</p>`;
    }
  }
}

/** The subject is kept on one line whatever names it holds: a line break would start a header. */
export function renderMessage({
  blocks,
  lang = "en",
  ...content
}: MessageContent): RenderedMessage {
  const subject = singleLine(content.subject);
  const text = `${blocks.map(textOf).join("\n\n")}\n`;
  const html = [
    "<!doctype html>",
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f8fafc;font-family:Segoe UI,Roboto,Arial,sans-serif;color:#0f172a">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">',
    '<p style="margin:0 0 20px;font-size:18px;font-weight:700;color:#1e40af">CareVisit</p>',
    ...blocks.map(htmlOf),
    "</div></body></html>",
  ].join("\n");
  return { subject, text, html };
}
