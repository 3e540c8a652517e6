import type { ActionResult } from "@/lib/forms/action-result";
import { Alert } from "@/components/ui/alert";

/** The answer of a team form: its error, or its success message. */
export function ActionMessage({ state }: { state: ActionResult }) {
  if (state.formError) return <Alert>{state.formError}</Alert>;
  if (state.ok && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}
