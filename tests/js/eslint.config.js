// ESLint for the project's own JavaScript. scripts/lint runs it from the repository root with
// `--config tests/js/eslint.config.js`, so the patterns below are relative to the root.
import js from "@eslint/js";
import globals from "globals";

const rules = {
  ...js.configs.recommended.rules,
  "no-unused-vars": ["error", { args: "after-used", caughtErrors: "all", ignoreRestSiblings: true }],
  "no-console": ["error", { allow: ["error"] }],
  eqeqeq: ["error", "smart"], // `x == null` is the one loose comparison the code means
  "no-var": "error",
  "prefer-const": "error",
  "no-shadow": "error",
  "no-implicit-coercion": ["error", { allow: ["!!"] }],
  "object-shorthand": "error",
};

export default [
  { ignores: ["static/vendor/**", "**/node_modules/**"] },
  {
    // The pages' modules: plain ES modules in the browser, no build step.
    files: ["static/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules,
  },
  {
    // The benchmark's load generator and baseline server: CommonJS on Node.js.
    files: ["bench/node/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
    rules: { ...rules, "no-console": "off" },
  },
  {
    files: ["tests/js/eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
    rules,
  },
];
