import type { LostAnswerChecks } from "./verify.js";
import { verifyAdds } from "./verify-adds.js";
import { verifyDeletes } from "./verify-deletes.js";
import { verifyUpdates } from "./verify-updates.js";

/** The checks of every kind of edit, for the operations that take adds, updates and deletes together. */
export const ALL_CHECKS: LostAnswerChecks = { add: verifyAdds, update: verifyUpdates, delete: verifyDeletes };
