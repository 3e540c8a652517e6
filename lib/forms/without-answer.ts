import type { ServerAction } from "./action-result";

/**
 * For a plain `<form action>` that shows no answer (the switchers, sign-out): their outcome is a
 * redirect, a cookie, or nothing, and React types such an action as returning nothing.
 */
export function withoutAnswer<T>(action: ServerAction<T>): (formData: FormData) => Promise<void> {
  return async (formData: FormData) => {
    await action(formData);
  };
}
