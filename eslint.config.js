// A small lint: ESLint's and typescript-eslint's recommended rules, without type information (fast enough for CI on
// every change). Types themselves are checked by `npm run typecheck`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "fixtures/**", ".corpus/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { process: "readonly", console: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", setImmediate: "readonly", URL: "readonly", TextDecoder: "readonly", TextEncoder: "readonly", performance: "readonly", structuredClone: "readonly", queueMicrotask: "readonly", AbortController: "readonly", AbortSignal: "readonly", fetch: "readonly", globalThis: "readonly" } },
    rules: {
      // Unused names are errors, except a deliberately ignored argument or rest sibling (`_x`, `{ dropped, ...rest }`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true, caughtErrors: "none" }],
      // Control characters in regexes are intended (PDF and text parsing).
      "no-control-regex": "off",
      // Full-width and other Unicode spaces are data in Chinese reports and fixtures.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
    },
  },
);
