import { z } from "zod";

// The decrypted plaintext: `usertype=1|2&sessionid=…&userid=…&firstname=…&lastname=…[&email=…]`,
// form-encoded, in any order (telehealth-urls.md#launch-url-and-plaintext). usertype 1 is the
// provider (host), 2 the patient.

export const telehealthParamsSchema = z.object({
  usertype: z.enum(["1", "2"]),
  sessionid: z.string().min(1).max(200),
  userid: z.string().min(1).max(200),
  firstname: z.string().max(100).optional(),
  lastname: z.string().max(100).optional(),
  email: z.string().max(200).optional(),
});
export type TelehealthParams = z.infer<typeof telehealthParamsSchema>;

export function parseTelehealthPlaintext(plaintext: string): TelehealthParams | null {
  const parsed = telehealthParamsSchema.safeParse(
    Object.fromEntries(new URLSearchParams(plaintext)),
  );
  return parsed.success ? parsed.data : null;
}

export function displayNameOf(params: TelehealthParams): string {
  return [params.firstname, params.lastname]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
}
