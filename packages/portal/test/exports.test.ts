/**
 * The package's public surface, listed name by name: a new or removed export changes a
 * snapshot below, so growth is reviewed. Runtime names come from the module itself; type
 * names (which do not exist at runtime) from the entry file's `export type { ... }` and
 * `type X` specifiers. Entry files name every export: no `export *`.
 */
import { describe, expect, it } from "vitest";
import { entryReader } from "../../../scripts/entry-names.js";

const { typeNames, hasStarExport } = entryReader(import.meta.url);

describe("exported names of @arcrest/portal", () => {
  it("@arcrest/portal: values", async () => {
    expect(Object.keys(await import("@arcrest/portal")).sort()).toMatchInlineSnapshot(`
      [
        "FederatedTokenProvider",
        "ItemNotFoundError",
        "ItemShareError",
        "Portal",
        "PortalGroup",
        "PortalItem",
        "addItem",
        "deleteItem",
        "exchangeToken",
        "getGroup",
        "getGroupContent",
        "getItem",
        "getItemData",
        "getItemResources",
        "getSelf",
        "getServers",
        "getUser",
        "getUserContent",
        "moveItem",
        "portalUrls",
        "searchGroups",
        "searchItems",
        "searchUsers",
        "shareItem",
        "updateItem",
      ]
    `);
  });
  it("@arcrest/portal: types", () => {
    expect(hasStarExport("src/index.ts")).toBe(false);
    expect(typeNames("src/index.ts")).toMatchInlineSnapshot(`
      [
        "AddItemOptions",
        "AddItemResult",
        "AddPortalItemOptions",
        "ExchangeTokenOptions",
        "FeatureLayerOptions",
        "FederatedServer",
        "ItemCallOptions",
        "ItemResource",
        "ItemUpdate",
        "ListOptions",
        "MoveItemResult",
        "NewItem",
        "PortalConnectOptions",
        "PortalContext",
        "PortalFolder",
        "PortalGroupInfo",
        "PortalItemInfo",
        "PortalSelf",
        "PortalUrls",
        "PortalUserInfo",
        "SearchOptions",
        "SearchPage",
        "ShareResult",
        "ShareTargets",
        "UserContent",
        "UserContentOptions",
      ]
    `);
  });
});
