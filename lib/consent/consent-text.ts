import type { ConsentBlock } from "@/lib/consent/types";

// The consent text is plain text, never HTML: paragraphs are separated by blank lines, and lines
// that start with "- " or "* " are list items. React renders the blocks as text, so nothing a
// clinic types can become markup.

const LIST_ITEM = /^\s*[-*•]\s+/;

/** Line endings made "\n", and trailing spaces and blank edges removed: the text as stored. */
export function normalizeConsentText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

/** The blocks of a stored consent text, in order. */
export function parseConsentText(text: string): ConsentBlock[] {
  const blocks: ConsentBlock[] = [];
  let current: ConsentBlock | null = null;
  for (const line of normalizeConsentText(text).split("\n")) {
    if (line.trim() === "") {
      current = null;
      continue;
    }
    if (LIST_ITEM.test(line)) {
      if (current?.kind !== "list") {
        current = { kind: "list", items: [] };
        blocks.push(current);
      }
      current.items.push(line.replace(LIST_ITEM, ""));
      continue;
    }
    if (current?.kind !== "paragraph") {
      current = { kind: "paragraph", lines: [] };
      blocks.push(current);
    }
    current.lines.push(line.trim());
  }
  return blocks;
}
