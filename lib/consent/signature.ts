// A typed signature matches the name on the record whatever the case, accents, spacing or order
// ("maria lopez", "María  López" and "Lopez Maria" all sign for María López): the point is that the
// patient typed their own name, not that they reproduced the clinic's spelling of capitals.

function words(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[.,]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}

export function isSignatureOf(typed: string, person: { firstName: string; lastName: string }) {
  const signed = words(typed).join(" ");
  const first = words(person.firstName);
  const last = words(person.lastName);
  return signed === [...first, ...last].join(" ") || signed === [...last, ...first].join(" ");
}
