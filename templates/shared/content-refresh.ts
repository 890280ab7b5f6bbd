// What a deploy module adds so that content changes reach a site with a CMS on its host: a static
// site rebuilds through the host's deploy hook; a hybrid one has the host drop its cached copy of a
// changed page rendered on request, and rebuilds for its pre-rendered pages (the home page lists
// posts). A framework that keeps its own page cache (Next.js: framework data ownPageCache)
// revalidates every page itself.
import type { Contribution, StackView } from "../../create-jam/src/engine/types.ts";

export const contentRefresh =
  (ways: { rebuild: Contribution; purge: Contribution }) =>
  ({ content, has, framework }: StackView): Contribution => {
    if (!(content as { webhooks?: boolean } | undefined)?.webhooks) return {};
    if (has.rendering?.static) return ways.rebuild;
    if (framework.ownPageCache) return {};
    return {
      env: [...(ways.purge.env ?? []), ...(ways.rebuild.env ?? [])],
      readme: [ways.purge.readme, ways.rebuild.readme].filter(Boolean).join("\n\n"),
      goLive: [...(ways.purge.goLive ?? []), ...(ways.rebuild.goLive ?? [])],
    };
  };
