import type { Knex } from 'knex';
import * as sessions from './20261125_001_sessions';
import * as messages from './20261125_002_messages';
import * as attachmentsAndTyping from './20261125_003_attachments_and_typing';
import * as presence from './20261125_004_presence';
import * as readReceipts from './20261125_005_read_receipts';
import * as sessionLifecycle from './20261125_006_session_lifecycle';
import * as attachmentLinks from './20261126_001_attachment_links';
import * as agentAssignment from './20261127_001_agent_assignment';
import * as unreadTotals from './20261128_001_unread_totals';
import * as outboxSweep from './20261129_001_outbox_sweep';
import * as cannedResponses from './20261203_001_canned_responses';
import * as sessionRatings from './20261203_002_session_ratings';
import * as sessionReportIndexes from './20261203_003_session_report_indexes';
import * as messageSessions from './20261203_004_message_sessions';
import * as messageSearchIndex from './20261203_005_message_search_index';
import * as privateNotes from './20261204_001_private_notes';
import * as searchPendingList from './20261206_001_search_pending_list';
import * as outboxKeyOnly from './20261208_001_outbox_key_only';

/**
 * Every migration, in order. Listed here rather than read from a folder, so they run the same
 * under tsx, jest and in an image.
 */
const MIGRATIONS: Record<string, Knex.Migration> = {
  '20261125_001_sessions': sessions,
  '20261125_002_messages': messages,
  '20261125_003_attachments_and_typing': attachmentsAndTyping,
  '20261125_004_presence': presence,
  '20261125_005_read_receipts': readReceipts,
  '20261125_006_session_lifecycle': sessionLifecycle,
  '20261126_001_attachment_links': attachmentLinks,
  '20261127_001_agent_assignment': agentAssignment,
  '20261128_001_unread_totals': unreadTotals,
  '20261129_001_outbox_sweep': outboxSweep,
  '20261203_001_canned_responses': cannedResponses,
  '20261203_002_session_ratings': sessionRatings,
  '20261203_003_session_report_indexes': sessionReportIndexes,
  '20261203_004_message_sessions': messageSessions,
  '20261203_005_message_search_index': messageSearchIndex,
  '20261204_001_private_notes': privateNotes,
  '20261206_001_search_pending_list': searchPendingList,
  '20261208_001_outbox_key_only': outboxKeyOnly,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(MIGRATIONS),
  getMigrationName: (name) => name,
  getMigration: async (name) => MIGRATIONS[name],
};
