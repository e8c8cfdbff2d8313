"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";

/** Copies the link to the clipboard and says so. */
export function CopyLinkButton({ url }: { url: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="mt-2 flex items-center gap-3">
      <Button variant="secondary" onClick={copy}>
        Copy link
      </Button>
      <span aria-live="polite" className="text-sm">
        {copied === "copied"
          ? "Copied."
          : copied === "failed"
            ? "Select the link and copy it."
            : ""}
      </span>
    </div>
  );
}
