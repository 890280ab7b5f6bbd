import { page } from "./page.ts";
import { post } from "./post.ts";

export const schemaTypes = [post, page];
