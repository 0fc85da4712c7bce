/** The fields a PATCH body actually set: `undefined` means "leave as is", `null` means "clear". */
export function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
