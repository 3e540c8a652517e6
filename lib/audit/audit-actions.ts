// Every audited action, with its catalogue key (audit.action.<key>). The names are stable: other
// features call recordAudit with them (the video engine records "video.deleted").
export const AUDIT_ACTIONS = {
  "member.joined": "memberJoined",
  "member.left": "memberLeft",
  "member.removed": "memberRemoved",
  "member.role_changed": "memberRoleChanged",
  "member.cap_changed": "memberCapChanged",
  "invite.created": "inviteCreated",
  "invite.revoked": "inviteRevoked",
  "provider.changed": "providerChanged",
  "provider.key_changed": "providerKeyChanged",
  "connection.added": "connectionAdded",
  "connection.changed": "connectionChanged",
  "connection.key_changed": "connectionKeyChanged",
  "connection.archived": "connectionArchived",
  "connection.price_set": "connectionPriceSet",
  "connection.price_cleared": "connectionPriceCleared",
  "budget.changed": "budgetChanged",
  "team.ownership_transferred": "ownershipTransferred",
  "team.retention_changed": "retentionChanged",
  "video.deleted": "videoDeleted",
  "video.given_up": "videoGivenUp",
  "api_token.created": "apiTokenCreated",
  "api_token.revoked": "apiTokenRevoked",
  "webhook.created": "webhookCreated",
  "webhook.deleted": "webhookDeleted",
  "webhook.enabled": "webhookEnabled",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}
