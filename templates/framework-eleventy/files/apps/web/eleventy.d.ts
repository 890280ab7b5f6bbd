// Eleventy 3 ships no type declarations (its config API is JSDoc in JavaScript, which tsc would have
// to check along with the rest of Eleventy). This declares the part of the config API that
// eleventy.config.js uses, so `pnpm check-types` catches a misspelt method or a wrong argument:
// add to it as the config grows (https://www.11ty.dev/docs/config/).
declare module "@11ty/eleventy/UserConfig" {
  export default interface UserConfig {
    addGlobalData(name: string, data: unknown): UserConfig;
    addPassthroughCopy(paths: string | Record<string, string>, options?: object): UserConfig;
    addShortcode(name: string, shortcode: (...args: never[]) => string | Promise<string>): UserConfig;
    addWatchTarget(path: string, options?: object): UserConfig;
  }
}
