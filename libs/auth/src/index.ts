export * from './token';
export * from "./dev-secret";
export * from "./token-cli.settings";
