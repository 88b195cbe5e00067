/** A generated file (e.g. an exported map image) kept for download. */
export interface StoredOutput {
  data: Uint8Array;
  contentType: string;
}

/**
 * Files served under /arcgis/rest/directories/arcgisoutput/, like ArcGIS Server's output
 * directory. Bounded: the oldest entries are dropped so a long benchmark does not grow memory.
 */
export class OutputStore {
  private readonly entries = new Map<string, StoredOutput>();
  private counter = 0;

  constructor(private readonly capacity = 64) {}

  /** Stores a file and returns its name in the output directory. */
  put(prefix: string, extension: string, output: StoredOutput): string {
    this.counter += 1;
    const name = `${prefix}_${this.counter.toString(36)}${Date.now().toString(36)}.${extension}`;
    this.entries.set(name, output);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return name;
  }

  /** A stored file by name. */
  get(name: string): StoredOutput | undefined {
    return this.entries.get(name);
  }
}
