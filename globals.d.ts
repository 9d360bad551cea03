// esbuild loads .graphql documents as text (see esbuild.config.mjs).
declare module '*.graphql' {
  const document: string;
  export default document;
}
