// Team API tokens' choices, shared by the form (browser) and the data layer.
export const API_TOKEN_PREFIX = "sst_";
export const API_TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;
export type ApiTokenExpiryDays = (typeof API_TOKEN_EXPIRY_DAYS)[number];
export const API_TOKEN_NAME_MAX = 60;
