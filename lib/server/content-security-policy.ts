// The pages' Content-Security-Policy, with a nonce per request as Next.js documents it for the
// proxy: Next.js reads the policy from the request's headers and puts the nonce on its own
// scripts. `'strict-dynamic'` lets those scripts load the chunks they need; nothing inline runs
// without the nonce. Styles allow inline `style` attributes (React sets some); stylesheets come
// from this origin only. `'unsafe-eval'` only under `next dev` (React's dev tools need it).

export function createNonce(): string {
  return btoa(crypto.randomUUID());
}

export function buildContentSecurityPolicy(nonce: string, { isDev }: { isDev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS: only over HTTPS (a browser ignores it over HTTP, and a clinic testing on HTTP is not pinned). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
