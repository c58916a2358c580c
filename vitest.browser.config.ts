import {defineConfig} from "vitest/config";

// Browser tests: headless Chromium against the built site (npm run build first).
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/browser/setup.ts"],
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000
  }
});
