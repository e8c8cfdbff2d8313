"use client";

import Link from "next/link";
import { type ComponentProps, useState } from "react";

/**
 * A link that prefetches its page once the user shows intent (the pointer on it, a touch, or
 * keyboard focus) rather than as soon as it scrolls into view. For links that every search renders
 * anew, such as a page of results: prefetching each visible one (about 15 per search) cost the
 * server several times the search itself. Next.js's documented hover pattern (`null` restores the
 * default prefetch; with Partial Prefetching enabled it would be `true`, and `"auto"` before).
 */
export function IntentLink({
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: Omit<ComponentProps<typeof Link>, "prefetch" | "legacyBehavior">) {
  const [hasIntent, setHasIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={hasIntent ? null : false}
      onMouseEnter={(event) => {
        setHasIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setHasIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setHasIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
