import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/cli-args.js";

const BIN = fileURLToPath(new URL("../../bin/arcrest-sample-server.js", import.meta.url));

describe("command-line arguments", () => {
  it("parses every option, in both --flag value and --flag=value forms", () => {
    expect(parseCliArgs([])).toEqual({ port: 6080 });
    expect(parseCliArgs(["--port", "0", "--synthetic=1000", "--latency", "20", "--seed", "3", "--offset-cost", "--host", "0.0.0.0"])).toEqual({
      port: 0,
      syntheticPoints: 1000,
      latencyMs: 20,
      seed: 3,
      offsetCost: true,
      host: "0.0.0.0",
    });
  });

  it("names a bad argument", () => {
    expect(() => parseCliArgs(["--port", "x"])).toThrow(/--port needs a non-negative number, got 'x'/);
    expect(() => parseCliArgs(["--latency"])).toThrow(/--latency/);
    expect(() => parseCliArgs(["--frobnicate"])).toThrow(/unknown argument '--frobnicate'/);
  });
});

describe("arcrest-sample-server command", () => {
  it("prints its URL, serves until killed", async () => {
    const child = spawn(process.execPath, [BIN, "--port", "0", "--synthetic", "100"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /(http:\/\/127\.0\.0\.1:\d+\/arcgis\/rest\/services)/.exec(out);
          if (match) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const body = (await (await fetch(`${url}/Bench?f=json`)).json()) as { services: unknown[] };
      expect(body.services).toEqual([{ name: "Bench/SyntheticPoints", type: "MapServer" }]);
    } finally {
      child.kill("SIGTERM");
    }
    const code = child.exitCode ?? (await new Promise<number | null>((resolve) => child.once("exit", resolve)));
    expect(code).toBe(0);
  });
});
