/** Rows of an INSERT/UPDATE ... RETURNING: pg answers [rows, count] through TypeORM, PGlite the rows. */
export function returnedRows<T>(result: unknown): T[] {
  if (!Array.isArray(result)) return [];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

export function firstRow<T>(result: unknown): T | null {
  return returnedRows<T>(result)[0] ?? null;
}
