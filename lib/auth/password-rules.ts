// Shared by the browser form and the server check; password.ts (argon2) must stay server-side.
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
