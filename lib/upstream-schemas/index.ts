export * from "./video";
export * from "./error-response";
export * from "./yi-reverse-video";
export * from "./relay-video";
export * from "./veo-video";
