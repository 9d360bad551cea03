import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-test/', 'out/', '.cache/', '.vscode-test/', '**/*.js', '**/*.mjs', '.tsbuild/', 'editor-free/vscode.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // Modules that must run without the editor: the rotation, the server, the webview, shared protocol.
    files: ['src/team/**', 'src/server/**', 'src/webview/**', 'src/protocol/**', 'test/unit/**', 'test/sandbox/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'This module must not depend on the editor.' }] }] },
  },
);
