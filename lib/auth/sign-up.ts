import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { createTeamWithOwner } from "@/lib/teams/create-team";
import { hashPassword } from "./password";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";
import { cleanSingleLineText } from "@/lib/text/clean-text";
import { singleLineText } from "@/lib/text/text-fields";

// Messages are catalogue keys (errors.*): the action translates them into the person's language.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "errors.emailInvalid")
  .pipe(z.email("errors.emailInvalid"));

export const signUpSchema = z.object({
  name: singleLineText({ required: "errors.nameRequired", tooLong: "errors.nameTooLong" }, 80),
  email: emailSchema,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, "errors.passwordTooShort")
    .max(MAX_PASSWORD_LENGTH, "errors.passwordTooLong"),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export class EmailUnavailableError extends Error {}

/**
 * Creates the user and their own team (they own it; it becomes their active team), atomically.
 * Names are cleaned here too (lib/text/clean-text.ts), whoever the caller: never a NUL stored.
 */
export async function createUserWithTeam(db: Db, input: SignUpInput, teamName: string, locale: string | null) {
  const passwordHash = await hashPassword(input.password);
  const name = cleanSingleLineText(input.name);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name, email: input.email, passwordHash, locale } });
      const team = await createTeamWithOwner(tx, user.id, cleanSingleLineText(teamName));
      return { user, team };
    });
  } catch (error) {
    if (typeof error === "object" && error && "code" in error && error.code === "P2002")
      throw new EmailUnavailableError();
    throw error;
  }
}
