// Where comments live: Cloud Firestore, through firebase-admin (posts/<slug>/comments; firestore.rules).
export { store } from "./firestore.ts";
