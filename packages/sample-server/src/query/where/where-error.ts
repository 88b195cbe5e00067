/** Errors of where-clause parsing and compilation. */

/** The clause is not valid SQL for this grammar. */
export class WhereSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WhereSyntaxError";
  }
}

/** The clause is valid SQL but names an unknown field or mixes incompatible types. */
export class WhereSemanticError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WhereSemanticError";
  }
}
