import { expect } from "vitest";
import { InputError } from "../../../src/errors.js";

/** The code of the InputError a reader rejects with; its message is one line, as users read it. */
export async function rejectCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).not.toContain("\n");
    return (e as InputError).code;
  }
  throw new Error("expected an InputError");
}
