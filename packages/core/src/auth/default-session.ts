import { setDefaultTransport } from "../request/default-transport.js";
import { Session } from "./session.js";

let current: Session | undefined;

/**
 * The global session (like the seed's IdentityManager), used by every call that is given none.
 * Created on first use; calls made before that go through the same defaults without loading it.
 */
export function getDefaultSession(): Session {
  if (current === undefined) setDefaultSession(new Session());
  return current as Session;
}

/** Replaces the global session. */
export function setDefaultSession(session: Session): void {
  if (!(session instanceof Session)) throw new TypeError("setDefaultSession expects a Session");
  current = session;
  setDefaultTransport(session);
}
