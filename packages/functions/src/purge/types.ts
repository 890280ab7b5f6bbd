/** A host's way to drop its cached copies of pages rendered on request (hybrid stacks). */
export interface Purger {
  host: string;
  /** Whether the code runs on this host now (its functions' environment says so). */
  active(): boolean;
  /** Makes the host render `paths` afresh; `request` is the webhook's (the site's own origin). */
  purge(paths: string[], request: Request): Promise<void>;
}
