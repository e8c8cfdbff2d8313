"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldLabel } from "@/components/ui/field-parts";

const MAX_BYTES = 50 * 1024 * 1024;

/** Sends the chosen file as the request body (streamed by the server), then opens its mapping step. */
export function ImportUploadForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a CSV file.");
    if (file.size > MAX_BYTES) return setError("The file is larger than 50 MB.");
    setError(null);
    setIsSending(true);
    try {
      const response = await fetch("/api/subjects/import", { method: "POST", body: file });
      const body = (await response.json().catch(() => ({}))) as {
        importId?: string;
        error?: { message?: string };
      };
      if (response.ok && body.importId) return router.push(`/settings/import/${body.importId}`);
      setError(body.error?.message ?? "The file could not be uploaded. Try again.");
    } catch {
      setError("The file could not be uploaded. Check your connection and try again.");
    }
    setIsSending(false);
  }

  return (
    <form onSubmit={upload} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <FieldLabel htmlFor="import-file">CSV file</FieldLabel>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
        <p className="text-sm text-slate-700">
          UTF-8, separated by commas or semicolons, with a header row; at most 50 MB.
        </p>
      </div>
      <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : null}</div>
      <div>
        <Button type="submit" disabled={isSending} aria-disabled={isSending}>
          {isSending ? "Uploading…" : "Upload"}
        </Button>
      </div>
    </form>
  );
}
