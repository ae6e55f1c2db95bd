/** Reads what D1 stores sealed (field-crypto.ts) the way the API does, for tests that look at rows. */
import { env } from "cloudflare:workers";
import { fieldKeys, fieldsContext, noteContext, unseal } from "../../functions/field-crypto";

const keys = () => fieldKeys((env as { FIELD_ENCRYPTION_KEYS?: string }).FIELD_ENCRYPTION_KEYS);

/** A stored row's `fields`, opened. */
export async function openFields(row: {
  reference: string;
  fields: string;
}): Promise<Record<string, unknown>> {
  return JSON.parse(await unseal(await keys(), row.fields, fieldsContext(row.reference)));
}

/** A stored note's text, opened. */
export async function openNote(submissionId: number, text: string): Promise<string> {
  return unseal(await keys(), text, noteContext(submissionId));
}
