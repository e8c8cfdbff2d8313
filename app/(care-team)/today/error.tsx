"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function TodayError({ reset }: { reset: () => void }) {
  return (
    <Alert tone="error" title="The visits could not be loaded">
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </Alert>
  );
}
