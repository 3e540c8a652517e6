import { z } from "zod";

// `Error` and `ErrorResponse` from the OpenAPI spec: all four keys are required,
// `param` and `code` may be null.
export const ApiErrorSchema = z.looseObject({
  message: z.string(),
  type: z.string(),
  param: z.string().nullable(),
  code: z.string().nullable(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;

export const ErrorResponseSchema = z.looseObject({
  error: ApiErrorSchema,
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
