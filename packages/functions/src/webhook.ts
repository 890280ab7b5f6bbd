// Which content source's webhooks /api/revalidate accepts. Each content module writes this file in
// a generated project; here it names one so the package type-checks and tests in place.
export { verify } from "./webhooks/sanity.ts";
