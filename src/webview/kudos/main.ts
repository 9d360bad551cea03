// Placeholder until the Kudos webview lands.
export {};
