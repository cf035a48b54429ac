// ESLint (flat config): JavaScript's recommended rules, typescript-eslint's type-checked rules (types from the
// tsconfig that owns each file, via the project service) and the React hooks rules for components.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "coverage/", "test-results/", "node_modules/"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Callbacks and dependencies as function-typed properties, not methods: their parameters are then checked
      // strictly (a method's are bivariant), and destructuring them (`const { onChange } = props`) is sound, which
      // is what unbound-method checks.
      "@typescript-eslint/method-signature-style": ["error", "property"],
      // A leading underscore marks a binding kept on purpose (a parameter a signature needs, a key taken out of a
      // rest object).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ["**/*.tsx"],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // Playwright's fixtures take their dependencies as a destructured first parameter, `{}` when there are none.
    files: ["test/e2e/**/*.ts"],
    rules: { "no-empty-pattern": ["error", { allowObjectPatternsAsParameters: true }] },
  },
  {
    // The reference SMART client's pages (plain browser scripts with fhirclient's global build).
    files: ["test/e2e/fixtures/smart-app/*.js"],
    languageOptions: { globals: { document: "readonly" } },
  },
  {
    files: ["src/**"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
  {
    // One data-access layer talks to the FHIR server (src/fhir, and src/writeback for the writes): the view holds
    // a launch's client only as src/fhir's opaque FhirClient type.
    files: ["src/ui/**", "src/forms/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fhirclient", "fhirclient/*"],
              message:
                "Only src/fhir and src/writeback talk to the FHIR server: call a function there (FhirClient is the type).",
            },
          ],
        },
      ],
    },
  },
);
