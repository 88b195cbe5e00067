import { createAhpsGaugesService } from "./ahps-gauges.js";
import { createDistrictsService } from "./boundaries.js";
import { createIncidentsService } from "./incidents.js";
import { IMAGE_SERVICES } from "../image-server/catalog.js";
import { createOddServices } from "./odd.js";
import { createParcelsService } from "./parcels.js";
import { createPrng } from "./prng.js";
import { createGPService } from "../gp/service.js";
import type { SampleDataset } from "./types.js";

/** Options of {@link createDefaultDataset}. */
export interface DefaultDatasetOptions {
  /** Seed of the generated data; the same seed gives the same data. Default 1. */
  seed?: number;
}

/**
 * The default sample data: `ahps_gauges` (root), `SanFrancisco/311Incidents`,
 * `Boundaries/Districts`, `Elevation/DEM`, `Elevation/DEMHref` and `Imagery/RGB` (ImageServer, see image-server/catalog.ts), `Odd/NoPagination`, `Odd/ShortPages`, `Odd/Empty` and `Secure/Parcels`
 * (folder `Secure` needs a token) and the GPServer `Tools`. Every call returns fresh, independent data.
 */
export function createDefaultDataset(options: DefaultDatasetOptions = {}): SampleDataset {
  const seed = options.seed ?? 1;
  // One generator per service, so adding data to one service never changes another's.
  const rng = (salt: number) => createPrng(seed * 7919 + salt);
  return {
    folders: ["Boundaries", "Elevation", "Imagery", "Odd", "SanFrancisco", "Secure"],
    securedFolders: ["Secure"],
    services: [
      createAhpsGaugesService(rng(1)),
      createIncidentsService(rng(2)),
      createDistrictsService(rng(3)),
      ...createOddServices(rng(4)),
      createParcelsService(rng(5)),
      ...IMAGE_SERVICES.map((image) => ({ name: image.name, type: "ImageServer" as const, layers: [], currentVersion: 10.81 })),
      createGPService(),
    ],
  };
}
