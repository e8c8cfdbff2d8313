import { SubmitButton } from "@/components/ui/submit-button";

type GuestLinkJoinProps = {
  token: string;
  action: (formData: FormData) => Promise<void>;
  label: string;
  pendingLabel: string;
  hint: string;
};

/** The guest's Join: a form POST (opening the link changes nothing), then Zoom. */
export function GuestLinkJoin({ token, action, label, pendingLabel, hint }: GuestLinkJoinProps) {
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={pendingLabel} className="w-full">
        {label}
      </SubmitButton>
      <p className="text-sm text-slate-700">{hint}</p>
    </form>
  );
}
