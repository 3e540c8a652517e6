import { describe, expect, it } from "vitest";
import { galleryFiltersToSearch, hasFilters, parseGalleryFilters, sameFilters } from "@/lib/videos/gallery-filters-url";

const from = (query: string) => {
  const params = new URLSearchParams(query);
  return parseGalleryFilters((key) => params.get(key));
};

describe("gallery filters in the URL", () => {
  it("round-trip in a fixed order", () => {
    const filters = from("q=lighthouse&mine=1&model=sora-2&status=failed");
    expect(filters).toEqual({ status: "failed", model: "sora-2", mine: true, q: "lighthouse" });
    expect(galleryFiltersToSearch(filters).toString()).toBe("status=failed&model=sora-2&mine=1&q=lighthouse");
  });

  it("ignore values that are not filters", () => {
    expect(from("status=deleted&model=../../etc&mine=0&q=%20%20")).toEqual({});
    expect(hasFilters(from(""))).toBe(false);
  });

  it("compare by meaning, not by spelling", () => {
    expect(sameFilters(from("mine=true&q=a"), from("q=a&mine=1"))).toBe(true);
    expect(sameFilters(from("q=a"), from("q=b"))).toBe(false);
  });

  it("carry the library's filters: my favourites and one collection", () => {
    const filters = from("collection=cm123abc&fav=1&status=completed");
    expect(filters).toEqual({ status: "completed", favourites: true, collection: "cm123abc" });
    expect(galleryFiltersToSearch(filters).toString()).toBe("status=completed&fav=1&collection=cm123abc");
    expect(from("fav=0&collection=../x")).toEqual({});
    expect(hasFilters(from("fav=1"))).toBe(true);
  });
});
