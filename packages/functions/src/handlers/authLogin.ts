// GET /api/auth/login, through the stack's sign-in provider (../auth/provider.ts).
import { guarded } from "../auth/guard.ts";
import { provider } from "../auth/provider.ts";

export const authLogin = guarded((request) => provider.login(request));
