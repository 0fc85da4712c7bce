/** Test helpers that return the error a call must throw, for assertions on its fields. */
type ErrorClass<T extends Error> = new (...args: any[]) => T;

/** The error `run` throws; a different error is rethrown as is, none fails the test. */
export function thrownBy<T extends Error>(type: ErrorClass<T>, run: () => unknown): T {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name} to be thrown`);
}

/** The same for a call that answers a promise (Bedrock signs requests asynchronously). */
export async function rejectedWith<T extends Error>(type: ErrorClass<T>, run: () => Promise<unknown>): Promise<T> {
  const error = await run().then(
    () => new Error(`expected a ${type.name} to be thrown`),
    (thrown: unknown) => thrown,
  );
  if (error instanceof type) return error;
  throw error;
}
