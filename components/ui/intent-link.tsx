"use client";

import Link from "next/link";
import { type ComponentProps, useState } from "react";

/**
 * A link that prefetches its page once the user shows intent (the pointer on it, or keyboard
 * focus) rather than as soon as it scrolls into view. For links that every search renders anew,
 * such as a page of results: prefetching each visible one (about 15 per search) cost the server
 * several times the search itself. Next.js's documented pattern, with focus added for keyboards.
 */
export function IntentLink({
  onMouseEnter,
  onFocus,
  ...props
}: Omit<ComponentProps<typeof Link>, "prefetch">) {
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
    />
  );
}
