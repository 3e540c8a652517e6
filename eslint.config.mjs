import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "lib/generated/**",
      "data/**",
      ".tools/**",
      "test-results/**",
      "playwright-report/**",
      "artifacts/**",
      "next-env.d.ts",
      ".next*/**",
      ".data/**",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Layers (docs/architecture.md): lib/ holds the rules and never reaches up into the UI or routing.
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/components/*", "@/app/*", "**/components/*", "**/app/*"],
              message: "lib/ never imports components/ or app/: move the shared piece into lib/.",
            },
          ],
        },
      ],
    },
  },
  {
    // components/ is UI: it may use lib/, never routing.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*", "**/app/*"], message: "components/ never imports app/." }] },
      ],
    },
  },
];

export default config;
