import type { NextConfig } from "next";

import { SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Generated Prisma client and the pg driver run on the server as plain Node modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  headers() {
    return Promise.resolve([
      {
        source: "/:path*",
        headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ]);
  },
};

export default nextConfig;
