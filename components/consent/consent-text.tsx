import type { ConsentBlock } from "@/lib/consent/types";

/** A consent text's paragraphs and lists, as text: nothing the clinic typed becomes markup. */
export function ConsentText({ blocks, id }: { blocks: ConsentBlock[]; id?: string }) {
  return (
    <div id={id} className="flex flex-col gap-3 leading-relaxed break-words">
      {blocks.map((block, index) =>
        block.kind === "list" ? (
          <ul key={index} className="list-disc space-y-1 pl-6">
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={index}>
            {block.lines.map((line, lineIndex) => (
              <span key={lineIndex} className="block">
                {line}
              </span>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
