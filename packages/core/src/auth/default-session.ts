import { Session } from "./session.js";

let current: Session | undefined;

/** The global session (like the seed's IdentityManager), used by every call that is given none. */
export function getDefaultSession(): Session {
  current ??= new Session();
  return current;
}

/** Replaces the global session. */
export function setDefaultSession(session: Session): void {
  if (!(session instanceof Session)) throw new TypeError("setDefaultSession expects a Session");
  current = session;
}
