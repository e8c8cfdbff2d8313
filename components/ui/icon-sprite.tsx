import type { LucideIcon } from "lucide-react";

// An icon that a long list shows on every row, drawn once per page and shown by reference: a
// lucide-react icon is about 120 bytes of markup and a few elements for the server to render on
// each row, a `<use>` one element (the Today board's 200 Join Meeting buttons: 24 KB less HTML).

/** Draws `icon` once, hidden, for the IconUse elements of the page that name `id`. */
export function IconDefinition({ id, icon: Icon }: { id: string; icon: LucideIcon }) {
  return (
    <div hidden>
      <Icon id={id} aria-hidden />
    </div>
  );
}

/** The icon drawn by the page's IconDefinition of `id`, in the text's colour. */
export function IconUse({ id, className }: { id: string; className?: string }) {
  return (
    <svg aria-hidden className={className}>
      <use href={`#${id}`} width="100%" height="100%" />
    </svg>
  );
}
