// GET /api/auth/logout, through the stack's sign-in provider (../auth/provider.ts).
import { guarded } from "../auth/guard.ts";
import { provider } from "../auth/provider.ts";

export const authLogout = guarded((request) => provider.logout(request));
