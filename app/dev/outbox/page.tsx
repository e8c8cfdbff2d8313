import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PageHeader } from "@/components/ui/page-header";
import { isOutboxEnabled, listOutboxEmails } from "@/lib/email/list-outbox";

export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };
export const dynamic = "force-dynamic";

// Exists only under next dev with EMAIL_TRANSPORT=outbox: production refuses the outbox (lib/env.ts).
export default async function OutboxPage() {
  if (!isOutboxEnabled()) notFound();
  const emails = await listOutboxEmails();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageHeader
        title="Development outbox"
        description="The newest mail CareVisit would have sent (kept for a day). Only under npm run dev, with EMAIL_TRANSPORT=outbox."
      />
      {emails.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          No mail yet.
        </p>
      ) : (
        <ol className="flex flex-col gap-4">
          {emails.map((email) => (
            <li key={email.id}>
              <article
                aria-label={email.subject}
                className="rounded-lg border border-slate-200 bg-white p-4"
              >
                <h2 className="font-semibold">{email.subject}</h2>
                <p className="text-sm text-slate-600">
                  To <span data-testid="outbox-to">{email.to}</span> ·{" "}
                  {email.createdAt.toISOString()}
                </p>
                <pre className="mt-3 font-sans text-sm whitespace-pre-wrap">{email.text}</pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
