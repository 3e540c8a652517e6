export * from "./video";
export * from "./error-response";
export * from "./yi-reverse-video";
