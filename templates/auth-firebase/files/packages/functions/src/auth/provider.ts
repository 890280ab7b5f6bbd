// Which sign-in provider /api/auth/* use: Firebase Auth (the site's /sign-in/ page, firebase-admin).
export { provider } from "./firebase.ts";
