// Named moments of a submit and of an archive where a test can make the process die at once
// (STUDIO_CRASH_AT=<point>: SIGKILL, no cleanup), to prove that a crash there loses nothing.
// tests/integration/videos/crash-recovery.test.ts kills a child process at each of them.
export const CRASH_POINTS = [
  // The task row and its reservation are committed; nothing has been sent to the provider.
  "submit:task-saved",
  // The studio recorded that it is about to send the create; the request may or may not leave.
  "submit:sending",
  // The provider accepted the job; its id is not saved yet.
  "submit:accepted",
  // The provider's id is saved.
  "submit:linked",
  // An archive was claimed (lease taken); nothing copied yet.
  "archive:claimed",
] as const;

export type CrashPoint = (typeof CRASH_POINTS)[number];
