import { ValidationError } from "@arcrest/core";

/** A folder that does not exist; `available` lists the folders that do ("/" is the root). */
export class FolderNotFoundError extends ValidationError {
  override name = "FolderNotFoundError";
  /** The site's folders. */
  readonly available: string[];

  /** @param folder - the folder asked for */
  constructor(folder: string, available: string[]) {
    super(`Folder "${folder}" does not exist. Folders: ${available.join(", ")}`, { parameter: "folder" });
    this.available = available;
  }
}
