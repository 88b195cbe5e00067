import type { SampleDataset, SampleLayer, SampleService } from "./types.js";

/** Service types the directory knows. */
export const SERVICE_TYPES = ["MapServer", "FeatureServer", "ImageServer", "GeocodeServer", "GPServer"] as const;

/** One of {@link SERVICE_TYPES}. */
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** The canonical spelling of a service type segment, or undefined when it is not one. */
export function serviceTypeOf(segment: string): ServiceType | undefined {
  return SERVICE_TYPES.find((type) => type.toLowerCase() === segment.toLowerCase());
}

/** Folder of a service name ("" for root services). */
export function folderOf(service: SampleService): string {
  const slash = service.name.lastIndexOf("/");
  return slash < 0 ? "" : service.name.slice(0, slash);
}

/** Whether a service is running (stopped services are absent from the directory). */
export function isStarted(service: SampleService): boolean {
  return service.started !== false;
}

/** Whether a service needs a token (its own flag or a secured folder). */
export function isSecured(dataset: SampleDataset, service: SampleService): boolean {
  if (service.secured) return true;
  const folder = folderOf(service).toLowerCase();
  return folder !== "" && dataset.securedFolders.some((f) => f.toLowerCase() === folder);
}

/** The types a service is published as (a MapServer with feature access is also a FeatureServer). */
export function publishedTypes(service: SampleService): ServiceType[] {
  return service.type === "MapServer" && service.featureServer ? ["MapServer", "FeatureServer"] : [service.type];
}

/** Finds a running service by full name (case-insensitive) published as `type`. */
export function findService(dataset: SampleDataset, name: string, type: ServiceType): SampleService | undefined {
  const wanted = name.toLowerCase();
  return dataset.services.find(
    (service) => isStarted(service) && service.name.toLowerCase() === wanted && publishedTypes(service).includes(type),
  );
}

/** Finds a layer or table of a service by numeric id. */
export function findLayer(service: SampleService, id: string): SampleLayer | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  const numeric = Number(id);
  return service.layers.find((layer) => layer.id === numeric);
}
