import type { CallOptions, SpatialReference } from "@arcrest/core";
import { checkKnownFields, addressParams } from "./params.js";
import { findAddressCandidates } from "./operations/find-address-candidates.js";
import { geocodeAddresses } from "./operations/geocode-addresses.js";
import { fetchLocatorInfo } from "./operations/locator-info.js";
import { reverseGeocode } from "./operations/reverse-geocode.js";
import { suggest } from "./operations/suggest.js";
import type {
  AddressInput,
  Candidate,
  FindAddressCandidatesOptions,
  GeocodeAddressesOptions,
  GeocodeResult,
  LocatorInfo,
  PointInput,
  ReverseGeocodeOptions,
  ReverseGeocodeResult,
  Suggestion,
  SuggestOptions,
} from "./types.js";

/**
 * A GeocodeServer, its description loaded once. Each method calls the function of the same name
 * with this locator's URL and session.
 *
 * @example
 * ```ts
 * const geocoder = await Geocoder.connect("https://host/arcgis/rest/services/Locators/SampleLocator/GeocodeServer");
 * const [best] = await geocoder.findAddressCandidates("380 Oak St, Redlands, CA, 92373");
 * const results = await geocoder.geocodeAddresses(["380 Oak St, Redlands", { Address: "500 Elm St", City: "Salem" }]);
 * ```
 */
export class Geocoder {
  private constructor(
    /** The GeocodeServer URL. */
    readonly url: string,
    private readonly info: LocatorInfo,
    private readonly options: CallOptions,
  ) {}

  /** Loads the locator's description and returns its facade. */
  static async connect(url: string, options: CallOptions = {}): Promise<Geocoder> {
    const info = await fetchLocatorInfo(url, options);
    return new Geocoder(url, info, options.session ? { session: options.session } : {});
  }

  /** The field for one-line addresses, if the locator has one. */
  get singleLineAddressField(): string | undefined {
    return this.info.singleLineAddressField;
  }
  /** Names of the locator's address fields. */
  get addressFields(): string[] {
    return [...this.info.addressFields];
  }
  /** The largest batch geocodeAddresses accepts; undefined when the locator cannot batch-geocode. */
  get maxBatchSize(): number | undefined {
    return this.info.maxBatchSize;
  }
  /** The batch size the locator suggests. */
  get suggestedBatchSize(): number | undefined {
    return this.info.suggestedBatchSize;
  }
  /** The locator's spatial reference. */
  get spatialReference(): SpatialReference | undefined {
    return this.info.spatialReference;
  }

  /** See {@link findAddressCandidates}; an object must name at least one of {@link addressFields}. */
  async findAddressCandidates(address: AddressInput, options: FindAddressCandidatesOptions = {}): Promise<Candidate[]> {
    if (typeof address !== "string") checkKnownFields(addressParams(address, "address"), this.info.addressFields, "address");
    return findAddressCandidates(this.url, address, { ...this.options, ...options });
  }

  /** See {@link suggest}. */
  suggest(text: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
    return suggest(this.url, text, { ...this.options, ...options });
  }

  /** See {@link reverseGeocode}. */
  reverseGeocode(point: PointInput, options: ReverseGeocodeOptions = {}): Promise<ReverseGeocodeResult> {
    return reverseGeocode(this.url, point, { ...this.options, ...options });
  }

  /** See {@link geocodeAddresses}. */
  geocodeAddresses(records: readonly AddressInput[], options: GeocodeAddressesOptions = {}): Promise<GeocodeResult[]> {
    return geocodeAddresses(this.url, records, { ...this.options, ...options, locator: this.info });
  }
}
