import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A fully static site: `next build` writes HTML, CSS and JS to out/, which any host can serve.
  output: "export",
  trailingSlash: true,
  images: { unoptimized: true },
  // @repo/content ships TypeScript source; Next compiles it like the app's own code.
  transpilePackages: ["@repo/content"],
};

export default nextConfig;
