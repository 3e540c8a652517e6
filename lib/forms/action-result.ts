// The one answer of every server action (lib/forms/define-action.ts), read by forms through
// useActionState. Every message in it is already translated into the person's language.
export type ActionResult<T = unknown> = {
  ok: boolean;
  /** What a successful action hands the page (a new task, an invite's path, a fitted image). */
  data?: T;
  /** A translated notice after success ("Budget saved."). */
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  /** What the person typed (never passwords or keys), so a failed submit does not wipe the form. */
  values?: Record<string, string>;
};

/** The state of a form before its first submit. */
export const initialResult: ActionResult<never> = { ok: false };

/**
 * A server action as the wrapper exports it: the form's FormData, with or without the previous
 * answer first (useActionState passes it; a direct call leaves it out).
 */
export type ServerAction<T> = {
  (formData: FormData): Promise<ActionResult<T>>;
  (previous: ActionResult<T>, formData: FormData): Promise<ActionResult<T>>;
};
