import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "netlify",
  kind: "deploy",
  label: "Netlify",
  hint: "netlify.toml at the root; deploy previews per pull request and branch",
  dataFiles: {
    "netlify.toml": (ctx) => ({
      build: {
        base: "",
        command: "pnpm turbo run build --filter=web",
        publish: `apps/web/${ctx.framework.outDir}`,
        // Exit 0 cancels the build: nothing that apps/web depends on changed since the last deploy.
        ignore: "pnpm dlx turbo-ignore web --fallback=HEAD^1",
        environment: { NODE_VERSION: ctx.nodeMajor },
      },
    }),
  },
  readme: `## Deploy: Netlify

Connect the repository in Netlify: \`netlify.toml\` sets the build command, the publish folder and the Node version, and skips builds when nothing the app depends on changed. Pull requests get deploy previews; turn on branch deploys in the site settings for every branch. Or from a terminal: \`npx netlify-cli deploy --build\`.`,
});
