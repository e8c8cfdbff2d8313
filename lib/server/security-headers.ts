// Headers every response carries: Next.js adds them (next.config.ts), and so do the routes the
// production server answers itself (lib/server/direct-routes.ts).
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Our own pages may ask for the camera and microphone (the patient's device check); no frame may.
  "Permissions-Policy": "camera=(self), microphone=(self), geolocation=()",
};
