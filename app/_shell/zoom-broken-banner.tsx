import Link from "next/link";

import { Alert } from "@/components/ui/alert";

/** For administrators (English, as the staff side is): the clinic's Zoom link needs renewing. */
export function ZoomBrokenBanner() {
  return (
    <Alert tone="error" title="The Zoom connection has stopped working" className="mb-6">
      Video visits cannot start until Zoom is linked again.{" "}
      <Link href="/settings/zoom" className="font-semibold underline">
        Open video conferencing settings
      </Link>
    </Alert>
  );
}
