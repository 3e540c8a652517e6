import type { MetadataRoute } from "next";

// Installable as an app (home screen, app switcher). The name is the brand, the same in every
// language; icons come from app/icon.svg (scripts/make-icons.mjs).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Sora Studio",
    short_name: "Sora Studio",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#3b55e6",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
