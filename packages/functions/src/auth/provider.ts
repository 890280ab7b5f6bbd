// Which sign-in provider /api/auth/* use. Each auth module writes this file in a generated project;
// here it names one so the package type-checks and tests in place.
export { provider } from "./auth0.ts";
