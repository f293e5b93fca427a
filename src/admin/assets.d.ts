// Vite bundles stylesheets imported for their side effect; tell TypeScript such imports exist.
declare module '*.css';
