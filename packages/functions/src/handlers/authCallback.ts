// /api/auth/callback, through the stack's sign-in provider (../auth/provider.ts): GET back from the
// provider's page, or POST from the site's own sign-in page (Firebase Auth).
import { guarded } from "../auth/guard.ts";
import { provider } from "../auth/provider.ts";

export const authCallback = guarded((request) => provider.callback(request), provider.callbackMethod);
