/**
 * `edit()` found the service changed on the server since it was read, so posting the merged JSON
 * would silently overwrite someone else's change. Re-read (`svc.refresh()`) and edit again.
 */
export class EditConflictError extends Error {
  override name = "EditConflictError";
  /** The service, as "Folder/Name.Type". */
  readonly service: string;
  /** Top-level properties whose server value differs from the one read. */
  readonly changedProperties: string[];

  /** @param service - "Folder/Name.Type" */
  constructor(service: string, changedProperties: string[]) {
    super(`${service} was changed on the server since it was read (${changedProperties.join(", ")}); refresh and edit again`);
    this.service = service;
    this.changedProperties = changedProperties;
  }
}
