import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/validation-error.js";
import { isPortalUrl, serverRoot, serverRootKey } from "./server-root.js";

describe("serverRoot", () => {
  it.each([
    ["https://host:6443/arcgis/rest/services/Folder/Svc/MapServer/0/query", "https://host:6443/arcgis"],
    ["https://host/arcgis/rest/services", "https://host/arcgis"],
    ["http://some-domain.com/arcserver1/rest/services", "http://some-domain.com/arcserver1"],
    ["https://host/arcgis/admin/services", "https://host/arcgis"],
    ["https://host/arcgis/tokens/generateToken", "https://host/arcgis"],
    ["https://www.arcgis.com/sharing/rest", "https://www.arcgis.com"],
    ["https://www.arcgis.com/sharing/rest/generateToken", "https://www.arcgis.com"],
    ["https://host/portal/home", "https://host/portal"],
    ["https://host/portal/sharing/rest/content/items/1", "https://host/portal"],
    ["https://services.arcgis.com/ORG/arcgis/rest/services/x/FeatureServer/0", "https://services.arcgis.com/ORG/arcgis"],
    ["https://host:443/arcgis/rest/services", "https://host/arcgis"],
    ["https://HOST/arcgis/", "https://host/arcgis"],
    ["https://host", "https://host"],
    ["https://host/arcgis/rest/services/home/MapServer", "https://host/arcgis"],
    ["https://host/arcgis/rest/services?f=json#x", "https://host/arcgis"],
  ])("%s → %s", (url, root) => {
    expect(serverRoot(url)).toBe(root);
  });

  it("keeps scheme and port apart: they are different roots", () => {
    expect(serverRootKey("http://host/arcgis/rest")).not.toBe(serverRootKey("https://host/arcgis/rest"));
    expect(serverRootKey("https://host:6443/arcgis/rest")).not.toBe(serverRootKey("https://host/arcgis/rest"));
  });

  it("compares instance paths case-insensitively", () => {
    expect(serverRootKey("https://host/ArcGIS/rest/services")).toBe(serverRootKey("https://host/arcgis/admin"));
  });

  it("rejects relative and non-http URLs with a ValidationError naming url", () => {
    expect(() => serverRoot("/arcgis/rest/services")).toThrow(ValidationError);
    expect(() => serverRoot("ftp://host/arcgis")).toThrow(/url: only http and https/);
  });
});

describe("isPortalUrl", () => {
  it("recognises portals and ArcGIS Online", () => {
    expect(isPortalUrl("https://www.arcgis.com/sharing/rest")).toBe(true);
    expect(isPortalUrl("https://host/portal/home")).toBe(true);
    expect(isPortalUrl("https://org.maps.arcgis.com")).toBe(true);
    expect(isPortalUrl("https://www.arcgis.com")).toBe(true);
  });

  it("says no for ArcGIS Server sites", () => {
    expect(isPortalUrl("https://host/arcgis/rest/services")).toBe(false);
    expect(isPortalUrl("https://services.arcgis.com/ORG/arcgis/rest/services")).toBe(false);
    expect(isPortalUrl("https://services3.arcgis.com/")).toBe(false);
  });
});
