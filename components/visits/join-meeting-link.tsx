import { Video } from "lucide-react";

import { buttonClasses } from "@/components/ui/button";

/** "Join Meeting": opens the visit's Zoom meeting in a new tab (the start URL for its host). */
export function JoinMeetingLink({
  visitId,
  label = "Join Meeting",
}: {
  visitId: string;
  label?: string;
}) {
  return (
    <a
      href={`/api/visits/${visitId}/join`}
      target="_blank"
      rel="noopener"
      className={buttonClasses("primary")}
    >
      <Video aria-hidden className="size-4" />
      {label}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
