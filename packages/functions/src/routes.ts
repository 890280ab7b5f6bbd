// Every route, as the modules of a stack list them. A generated project gets this file written
// from its modules' data (templates/base/files/packages/functions/src/routes.ts.hbs); here it lists
// every handler so they all type-check.
import { entries } from "./handlers/entries.ts";
import { revalidate } from "./handlers/revalidate.ts";
import type { Routes } from "./types.ts";

export const routes: Routes = {
  "/api/entries": entries,
  "/api/revalidate": revalidate,
};
