import { Session } from "@arcrest/core";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { ArcServerAdmin } from "../src/index.js";

export const ADMIN = { username: "arcrest", password: "arcrest-pass" };

/** A fresh sample server and an admin signed in to it (retries off so failures are quick). */
export async function setup(): Promise<{ server: SampleServer; admin: ArcServerAdmin }> {
  const server = await startSampleServer({ port: 0 });
  const session = new Session({ retry: { limit: 0 } });
  session.setCredentials(server.adminUrl, ADMIN, { tokenServiceUrl: `${server.adminUrl}/generateToken` });
  const admin = await ArcServerAdmin.connect(server.adminUrl, { session });
  return { server, admin };
}

/** `GET <url>?f=json` without a client library, as a browser would. */
export async function getJson(url: string, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}?f=json`, token ? { headers: { "X-Esri-Authorization": `Bearer ${token}` } } : {});
  return (await response.json()) as Record<string, unknown>;
}
