// <jam-firebase-sign-in> on /sign-in/ (Firebase Auth): signs the visitor in, or creates their
// account, with the Firebase web SDK, then posts the ID token to /api/auth/callback/, which sets
// the site's session. Firebase keeps nothing in the browser (in-memory persistence): the site's
// HttpOnly cookie is the session. Bundled by scripts/steps/widgets.ts as /_jam/firebase-sign-in.js.
import { initializeApp } from "firebase/app";
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth, inMemoryPersistence, setPersistence, signInWithEmailAndPassword } from "firebase/auth";

class JamFirebaseSignIn extends HTMLElement {
  connectedCallback() {
    const { apiKey, authDomain, projectId, emulator } = this.dataset;
    const form = this.querySelector("form");
    const status = this.querySelector(".status");
    if (!form || !apiKey || !authDomain || !projectId) return;
    const auth = getAuth(initializeApp({ apiKey, authDomain, projectId }, "create-jam"));
    if (emulator) connectAuthEmulator(auth, `http://${emulator}`, { disableWarnings: true });
    const back = new URLSearchParams(location.search).get("returnTo");
    const returnTo = form.elements.namedItem("returnTo") as HTMLInputElement;
    if (back) returnTo.value = back;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const email = (this.querySelector("#jam-email") as HTMLInputElement).value;
      const password = this.querySelector("#jam-password") as HTMLInputElement;
      const signUp = (event.submitter as HTMLButtonElement | null)?.value === "sign-up";
      if (status) status.textContent = signUp ? "Creating your account…" : "Signing in…";
      try {
        await setPersistence(auth, inMemoryPersistence);
        const { user } = signUp ? await createUserWithEmailAndPassword(auth, email, password.value) : await signInWithEmailAndPassword(auth, email, password.value);
        password.value = "";
        (form.elements.namedItem("idToken") as HTMLInputElement).value = await user.getIdToken();
        form.submit();
      } catch (error) {
        const code = (error as { code?: string }).code ?? "";
        if (status) status.textContent = code.includes("invalid-credential") || code.includes("wrong-password") || code.includes("user-not-found") ? "That email and password do not match an account." : code.includes("email-already-in-use") ? "There is an account with that email already: sign in." : `Sign-in failed (${code || "network"}).`;
      }
    });
  }
}

customElements.define("jam-firebase-sign-in", JamFirebaseSignIn);
