// What a form's server action hands back to useActionState: translated messages only.
export type ActionState = {
  ok?: boolean;
  formError?: string;
  fieldErrors?: Record<string, string>;
  /** What the person typed (never passwords), so a failed submit does not wipe the form. */
  values?: Record<string, string>;
};

export const initialActionState: ActionState = {};
