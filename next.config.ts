import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { SECURITY_HEADERS } from "./lib/server/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // No serverActions options: lib/server/refuse-bad-form-post.ts applies Next.js's defaults (1 MB, same
  // host) in the proxy, to answer 413/403 instead of Next.js's 500. Change both together.
  reactStrictMode: true,
  // next dev would write AGENTS.md into the project on every start: a file nobody asked for, and a
  // change in the folder it watches (an open page rebuilt once for it).
  agentRules: false,
  experimental: { agentUpgrade: false },
  // Generated Prisma client and the pg driver run on the server as plain Node modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  headers() {
    return Promise.resolve([
      {
        source: "/:path*",
        headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
      {
        // A guest's link carries its token in the path: never sent on, never indexed (decision 039).
        source: "/guest/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ]);
  },
};

// next-intl without locale-prefixed routes: the locale comes from lib/i18n/request.ts (decision 033).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
