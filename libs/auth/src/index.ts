export * from './token';
export * from "./dev-secret";
