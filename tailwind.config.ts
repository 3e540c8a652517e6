import type { Config } from "tailwindcss";

// Tailwind 4 reads its theme from app/globals.css; this file (loaded there with @config) keeps
// the content globs and the brand colour in one typed place.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "class",
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef4ff",
          100: "#dbe6fe",
          500: "#4f6ef7",
          600: "#3b55e6",
          700: "#2f43c2",
        },
      },
    },
  },
};

export default config;
