/** Input limits the gateway and the services both enforce. */
export const LIMITS = {
  contentMaxLength: 5000,
  subjectMaxLength: 200,
  categoryMaxLength: 64,
  tempIdMaxLength: 128,
  historyDefaultLimit: 50,
  historyMaxLimit: 200,
  /** How many missed messages `join_session` with `last_seq` returns before it says `has_more`. */
  catchUpMaxMessages: 1000,
  /** How many message ids one mark_as_read may name. */
  markReadMaxIds: 500,
} as const;
