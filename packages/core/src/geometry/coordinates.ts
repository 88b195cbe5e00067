import type { Position } from "../types/esri-json.js";

/**
 * Reading coordinates as servers actually send them: numbers, but also `null`,
 * `"NaN"` or numeric strings. Anything that is not a finite number becomes NaN.
 */

/** Reads one coordinate value; returns NaN when it is not a finite number. */
export function toCoordinate(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : Number.NaN;
  }
  return Number.NaN;
}

/** A position from x, y and the values after them (z and/or m, in the layout's order); extra values are dropped. */
export function positionOf(x: number, y: number, more: readonly number[] = []): Position {
  if (more.length === 0) return [x, y];
  if (more.length === 1) return [x, y, more[0]];
  return [x, y, more[0], more[1]];
}

/** True when `a` and `b` have the same x and y (z and m are not compared). */
export function sameXY(a: readonly number[], b: readonly number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Where Z and M sit in an Esri position. Esri JSON orders a position as
 * `[x, y, z, m]` when the geometry has both, `[x, y, z]` with Z only and
 * `[x, y, m]` with M only.
 */
export interface PositionLayout {
  /** Index of Z, or -1. */
  z: number;
  /** Index of M, or -1. */
  m: number;
}

/**
 * The layout for the given flags. When neither flag is set the layout is
 * guessed from the data: a third value is Z and a fourth is M (what servers
 * mean when they leave the flags out).
 */
export function positionLayout(hasZ: boolean | undefined, hasM: boolean | undefined, sampleLength: number): PositionLayout {
  if (hasZ === true || hasM === true) {
    return { z: hasZ === true ? 2 : -1, m: hasM === true ? (hasZ === true ? 3 : 2) : -1 };
  }
  return { z: sampleLength >= 3 ? 2 : -1, m: sampleLength >= 4 ? 3 : -1 };
}

/** The longest position length found in a list of position lists (0 when empty). */
export function maxPositionLength(parts: readonly unknown[]): number {
  let max = 0;
  for (const part of parts) {
    if (!Array.isArray(part)) continue;
    for (const position of part) {
      if (Array.isArray(position) && position.length > max) max = position.length;
    }
  }
  return max;
}
