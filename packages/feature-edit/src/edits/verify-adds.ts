import { findByGlobalIds, type KindCheck } from "./verify.js";

/** Adds whose answer was lost: applied when a feature with the GlobalID they carried exists. */
export const verifyAdds: KindCheck = async (layer, units, options, out) => {
  const withGid = units.filter((u) => u.globalId);
  for (const u of units) if (!u.globalId) out.set(u, { unknown: "the add carried no GlobalID to look it up by" });
  if (withGid.length === 0) return;
  const found = await findByGlobalIds(layer, withGid.map((u) => u.globalId as string), options);
  for (const u of withGid) {
    const gid = u.globalId as string;
    out.set(u, found.has(gid) ? { applied: true, objectId: found.get(gid), globalId: gid } : { applied: false });
  }
};
