// Every word the consent step shows a patient, in one place, so that it can be translated whole.

export const CONSENT_TEXT = {
  heading: "Consent to video visits",
  intro: "Before your first video visit, your clinic asks you to read and sign this consent.",
  changedIntro:
    "Your clinic has changed its consent for video visits. Please read it and sign again.",
  version: (version: number) => `Version ${version}`,
  agree: "I have read this consent and I agree to have video visits.",
  nameLabel: "Type your full name to sign",
  nameHint: (name: string) => `As your clinic has it: ${name}.`,
  sign: "Sign and continue",
  signing: "Signing…",
  decline: "I do not agree",
  declinedHeading: "You have not signed the consent",
  declinedBody:
    "Without your consent the video visit cannot start, but you can still talk to your clinic.",
  callClinic: (phone: string) => `Call your clinic: ${phone}`,
  noPhone: "Please contact your clinic by phone to talk about your visit.",
  changedMind: "Read the consent again",
  questions: (phone: string) => `Questions about this consent? Call your clinic at ${phone}.`,
  signed: "Thank you: your consent is on file.",
} as const;
