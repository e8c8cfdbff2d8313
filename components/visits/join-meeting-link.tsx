import { Video } from "lucide-react";

import { buttonClasses } from "@/components/ui/button";
import { IconDefinition, IconUse } from "@/components/ui/icon-sprite";

const ICON_ID = "join-meeting-icon";

/** Draws the Join Meeting icon once, for a list of JoinMeetingLink with `isIconShared`. */
export function JoinMeetingIconDefinition() {
  return <IconDefinition id={ICON_ID} icon={Video} />;
}

/**
 * "Join Meeting": opens the visit's Zoom meeting in a new tab (the start URL for its host). In a
 * long list (`isIconShared`), its icon is the one JoinMeetingIconDefinition drew for the page.
 */
export function JoinMeetingLink({
  visitId,
  label = "Join Meeting",
  isIconShared = false,
}: {
  visitId: string;
  label?: string;
  isIconShared?: boolean;
}) {
  return (
    <a
      href={`/api/visits/${visitId}/join`}
      target="_blank"
      rel="noopener"
      className={buttonClasses("primary")}
    >
      {isIconShared ? (
        <IconUse id={ICON_ID} className="size-4" />
      ) : (
        <Video aria-hidden className="size-4" />
      )}
      {label}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
