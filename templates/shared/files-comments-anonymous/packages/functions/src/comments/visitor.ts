// Who may comment: anyone who gives a name and passes a challenge (the project was made with
// --anonymous-comments, and has no auth module): see ./anonymous.ts.
export { authorOf, challenge, posting } from "./anonymous.ts";
