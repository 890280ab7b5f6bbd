// Which sign-in provider /api/auth/* use: Auth0, through its OpenID Connect endpoints.
export { provider } from "./auth0.ts";
