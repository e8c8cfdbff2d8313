import bcrypt from "bcryptjs";

// bcrypt (pure JS, no native build). Cost 12 is about 250 ms here: slow for guessing, fine for people.
export const BCRYPT_COST = 12;

// A hash of a random password, compared against when the account does not exist, so that
// unknown accounts take as long as wrong passwords.
const DUMMY_HASH = "$2b$12$sUp9QSd.Tz.ueDa21jPWYOvhBfTz5pNl37OttF20eogTler0qK2B6";

/** The cost is stored in the hash, so verifying always uses the cost the hash was made with. */
export async function hashPassword(password: string, cost = BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return matches && hash !== null;
}
