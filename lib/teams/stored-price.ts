import { checkPrice, type Price } from "@/lib/models";

/** A price override as stored (JSON), or null when it no longer passes the registry's checks. */
export function parseStoredPrice(json: string): Price | null {
  try {
    const checked = checkPrice(JSON.parse(json));
    return checked.ok ? checked.price : null;
  } catch {
    return null;
  }
}
