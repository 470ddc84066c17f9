// Services log JSON lines; in tests they only add noise unless asked for (LOG_LEVEL=info npm test).
process.env.LOG_LEVEL ??= 'silent';
