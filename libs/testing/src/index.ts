export * from './socket-client';
export * from './tokens';
export * from './http-client';
export * from './s3-server';
export * from './tcp-proxy';
export * from './fake-session.directory';
export * from './fake-session.service';
export * from './repo-root';
