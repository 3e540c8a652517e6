/**
 * The later of the caller's clock and the wall's: the moment work actually happened (an answer
 * arrived, files were in place), while a caller that runs its clock ahead (tests of retention,
 * time limits) is kept ahead.
 */
export function notBefore(now: Date): Date {
  return new Date(Math.max(now.getTime(), Date.now()));
}
