/** Words the generated gauges, incidents and parcels are named with (invented, not real places). */

/** River and creek names. */
export const WATERBODIES = [
  "Bear Creek", "Cedar River", "Clear Fork", "Mill Creek", "Big Sandy River", "Salt River", "Elk River",
  "Beaver Creek", "Spring Creek", "Rock River", "Fox River", "Pine River", "Walnut Creek", "Turkey Creek",
  "Willow Creek", "Deer Creek", "Otter Creek", "Little River", "Muddy Creek", "Sugar Creek", "Stony Creek",
  "Cottonwood Creek", "Crooked Creek", "Indian Creek", "Big Creek", "Green River", "White River", "Red River",
  "Black River", "Blue River", "North Fork", "South Fork", "Middle Fork", "Wolf Creek", "Buffalo Creek",
  "Sandy Creek", "Cypress Creek", "Horse Creek", "Kettle River", "Lost River", "Maple River", "Elm Fork",
  "Lake Outlet", "Paint Creek", "Raccoon River", "Swift Creek", "Trout River", "Wildcat Creek",
];

/** Town names. */
export const TOWNS = [
  "Ashford", "Bellview", "Brookfield", "Camden", "Cedarville", "Clayton", "Dover", "Easton", "Fairview",
  "Franklin", "Georgetown", "Glenwood", "Greenville", "Hamilton", "Harmony", "Hillsboro", "Jackson", "Kingston",
  "Lakeside", "Lebanon", "Lincoln", "Madison", "Marion", "Milford", "Monroe", "Newport", "Oakdale", "Oxford",
  "Pleasant Hill", "Portland", "Riverside", "Salem", "Shelby", "Springfield", "Stanton", "Troy", "Union",
  "Vernon", "Warren", "Waverly", "Westfield", "Winchester", "Woodland", "Youngstown", "Bridgeport", "Centerville",
];

/** Rivers and towns of the Sacramento area cluster (used for the seed's clip example). */
export const SACRAMENTO_WATERBODIES = ["Sacramento River", "American River", "Cosumnes River", "Dry Creek", "Morrison Creek"];
/** Towns of the Sacramento area cluster. */
export const SACRAMENTO_TOWNS = ["Sacramento", "Freeport", "Fair Oaks", "Rancho Cordova", "Elk Grove", "Carmichael", "Folsom", "Sloughhouse"];

/** Street names (311 incidents, parcels). */
export const STREETS = [
  "MARKET ST", "MISSION ST", "VALENCIA ST", "FOLSOM ST", "HOWARD ST", "GEARY BLVD", "FULTON ST", "HAYES ST",
  "OAK ST", "PAGE ST", "HAIGHT ST", "IRVING ST", "JUDAH ST", "NORIEGA ST", "TARAVAL ST", "CLEMENT ST",
  "CALIFORNIA ST", "SACRAMENTO ST", "CLAY ST", "WASHINGTON ST", "JACKSON ST", "PACIFIC AVE", "BROADWAY",
  "VAN NESS AVE", "POLK ST", "LARKIN ST", "HYDE ST", "LEAVENWORTH ST", "DIVISADERO ST", "CASTRO ST",
];

/** Owner names (gauge owners, parcels). */
export const OWNER_NAMES = [
  "Alvarez", "Baker", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Johnson", "Kim",
  "Lopez", "Miller", "Nguyen", "Okafor", "Patel", "Quinn", "Rossi", "Smith", "Taylor", "Usman", "Valdez",
  "Williams", "Xu", "Yamamoto", "Zimmerman",
];
