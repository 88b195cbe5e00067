import type { Session } from "@arcrest/core";

/** What item and group handles need from their portal. */
export interface PortalContext {
  /** The portal's sharing API, `https://host/portal/sharing/rest`. */
  readonly restUrl: string;
  /** The session holding the portal token. */
  readonly session: Session;
}
