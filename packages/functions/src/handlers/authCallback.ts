// GET /api/auth/callback, through the stack's sign-in provider (../auth/provider.ts).
import { guarded } from "../auth/guard.ts";
import { provider } from "../auth/provider.ts";

export const authCallback = guarded((request) => provider.callback(request));
