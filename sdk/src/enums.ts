/**
 * The value lists of enums in the host's spec, for forms and filters (a subpath browsers can import without
 * the rest of the SDK): one source, the spec, instead of copies in each UI.
 */
export {
  appManifestRequestEventsValues as EVENT_TYPES,
  pathsAdminAuditLogGetParametersQueryActionValues as AUDIT_ACTIONS,
  pathsAdminAuditLogGetParametersQuerySubjectTypeValues as AUDIT_SUBJECT_TYPES,
  pathsAdminModerationDecisionsGetParametersQuerySubjectTypeValues as MODERATION_SUBJECT_TYPES,
  pathsAdminModerationDecisionsGetParametersQueryActionValues as MODERATION_DECISION_ACTIONS,
} from './generated/host.js';
